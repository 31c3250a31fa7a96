import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, issue, notFound } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { queryRow, readList } from '../../persistence/sql';
import { applyPatch, findForUpdate } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { AuditTrail } from '../audit/audit';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords';
import { SessionsService } from '../auth/sessions.service';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { UpdateUserDto } from './dto/update-user.dto';
import { UserResponse, type UserRow } from './dto/user.response';
import { User } from './user.entity';
import { userList, userSql } from './users.queries';
import { personalWords, userSnapshot, UsersService } from './users.service';

const userAudit = new AuditTrail('user');

/**
 * The admin API of users ('users:manage', admins only): list, read, create (through
 * UsersService.create, the one place of the account rules), update (deactivation ends the
 * user's sessions at once, in the same transaction) and password reset. Every write leaves one
 * audit event, never with the password hash.
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  async list(query: ListUsersQuery, _actor: Actor): Promise<Page<UserResponse>> {
    return readList(this.dataSource, query, userList(query), (row: UserRow) => UserResponse.from(row));
  }

  async get(id: string, _actor: Actor): Promise<UserResponse> {
    return this.load(this.dataSource.manager, id);
  }

  /** The admin API's create: one transaction for the user and its audit event. */
  async createUser(dto: CreateUserDto, actor: Actor): Promise<UserResponse> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.create(manager, actor, dto);
      return this.load(manager, user.id);
    });
  }

  /**
   * Updates a user under a row lock. An admin cannot deactivate or demote themselves (409
   * RULE_VIOLATION), so there is always an admin left who can undo a mistake. Deactivating
   * ends every session of the user in the same transaction: their next request is refused.
   */
  async update(id: string, dto: UpdateUserDto, version: number, actor: Actor): Promise<UserResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, User, id, 'User');
      assertVersion('User', row.version, version);
      if (actor.id === id) {
        if (dto.active === false) {
          throw new DomainError('RULE_VIOLATION', 'You cannot deactivate yourself: ask another admin', {
            active: [issue('ownAccount', 'you cannot deactivate your own account')],
          });
        }
        if (dto.role !== undefined && dto.role !== row.role) {
          throw new DomainError('RULE_VIOLATION', 'You cannot change your own role: ask another admin', {
            role: [issue('ownAccount', 'you cannot change your own role')],
          });
        }
      }
      if (dto.role !== undefined || dto.organisationId !== undefined) {
        await this.users.assertOrganisationFits(
          manager,
          dto.role ?? row.role,
          dto.organisationId !== undefined ? dto.organisationId : row.organisationId,
        );
      }
      const before = userSnapshot(row);
      const saved = await manager.save(applyPatch(row, dto));
      if (!saved.active) await this.sessions.endAllFor(manager, id);
      await userAudit.updated(manager, actor, { id, before, after: userSnapshot(saved) });
      return this.load(manager, id);
    });
  }

  /**
   * An admin sets a new password for another user (who forgot theirs): it must pass the policy,
   * and every session of the user ends. Admins change their own password through
   * POST /api/auth/password, which asks for the current one (a stolen session cannot take over
   * the account by resetting it here).
   */
  async resetPassword(id: string, password: string, actor: Actor): Promise<UserResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, User, id, 'User');
      if (actor.id === id) {
        throw new DomainError('RULE_VIOLATION', 'Change your own password with POST /api/auth/password', {
          password: [issue('ownAccount', 'change your own password with your current one (POST /api/auth/password)')],
        });
      }
      assertPasswordPolicy(password, 'password', personalWords(row.email, row.displayName));
      row.passwordHash = await hashPassword(password);
      await manager.save(row);
      await this.sessions.endAllFor(manager, id);
      await userAudit.updated(manager, actor, {
        id,
        before: { password: '(set)' },
        after: { password: '(reset by an admin)' },
      });
      return this.load(manager, id);
    });
  }

  /** The user with their organisation, in one statement, or NOT_FOUND. */
  private async load(manager: EntityManager, id: string): Promise<UserResponse> {
    const row = await queryRow<UserRow>(manager, (sql) => userSql(sql, id));
    if (!row) throw notFound('User', id);
    return UserResponse.from(row);
  }
}
