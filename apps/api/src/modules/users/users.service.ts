import { Injectable } from '@nestjs/common';
import { isCityScoped, type Language, type Role } from '@salkku/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, issue, type FieldIssues } from '../../common/domain-error';
import { AuditTrail } from '../audit/audit';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords';
import { Organisation } from '../organisations/organisation.entity';
import { User } from './user.entity';
import { queryRow } from '../../persistence/sql';
import { organisationKindSql } from '../organisations/organisations.queries';

const userAudit = new AuditTrail('user');

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  organisationId?: string | null;
  language?: Language;
  password: string;
}

/** A user as stored, without the password hash (for audit snapshots and responses). */
export function userSnapshot(user: User): Omit<User, 'passwordHash' | 'organisation'> {
  const { passwordHash: _hash, organisation: _org, ...rest } = user;
  return rest;
}

/** Words a user's password must not contain: the email's local part and the display name. */
export function personalWords(email: string, displayName: string): string[] {
  return [email.split('@')[0] ?? '', displayName];
}

/**
 * The rules of an account, shared by the admin API, the first-admin command and the demo users:
 * email unique (case-insensitive), a coordinator's or manager's organisation is a city, the
 * password passes the policy. It needs nothing injected, so the command line can use it as is;
 * the admin API is UserAdminService.
 */
@Injectable()
export class UsersService {
  async assertOrganisationFits(manager: EntityManager, role: Role, organisationId: string | null): Promise<void> {
    const details: FieldIssues = {};
    if (organisationId) {
      // FOR SHARE: the organisation can be neither deleted nor changed to another kind until we commit.
      const org = await queryRow<{ kind: Organisation['kind'] }>(manager, (sql) =>
        organisationKindSql(sql, organisationId, 'FOR SHARE'),
      );
      if (!org) details.organisationId = [issue('notFound', 'organisation does not exist')];
      else if (isCityScoped(role) && org.kind !== 'city') {
        details.organisationId = [
          issue('notCity', `a ${role}'s organisation must be a city (it decides which portfolio they see)`),
        ];
      }
    } else if (isCityScoped(role)) {
      details.organisationId = [issue('required', `a ${role} needs an organisation: their city`)];
    }
    if (Object.keys(details).length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'The organisation does not fit the role', details);
    }
  }

  /** Creates a user inside the caller's transaction, with its audit event. */
  async create(manager: EntityManager, actor: Actor, input: NewUser): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const organisationId = input.organisationId ?? null;
    await this.assertOrganisationFits(manager, input.role, organisationId);
    assertPasswordPolicy(input.password, 'password', personalWords(email, input.displayName));
    if (await manager.getRepository(User).existsBy({ email })) {
      throw new DomainError('DUPLICATE', 'A user with this email already exists', {
        email: [issue('duplicate', 'is already in use')],
      });
    }
    const user = await manager.getRepository(User).save(
      manager.getRepository(User).create({
        email,
        displayName: input.displayName,
        role: input.role,
        organisationId,
        language: input.language ?? 'fi',
        active: true,
        passwordHash: await hashPassword(input.password),
      }),
    );
    await userAudit.created(manager, actor, { id: user.id, after: userSnapshot(user) });
    return user;
  }
}
