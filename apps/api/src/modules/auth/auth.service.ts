import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRow } from '../../persistence/sql';
import { meSql, type MeRow } from '../users/users.queries';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, issue } from '../../common/domain-error';
import { recordAudit } from '../audit/audit';
import { User } from '../users/user.entity';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { MeResponse } from './dto/me.response';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import { SessionsService, type SignInClient, type SignedIn } from './sessions.service';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  signIn(email: string, password: string, client: SignInClient, previousToken: string | undefined): Promise<SignedIn> {
    return this.sessions.signIn(email, password, client, previousToken);
  }

  async signOut(actor: Actor): Promise<void> {
    if (actor.sessionId) await this.sessions.end(actor.sessionId);
  }

  /** The user behind an actor with what the web app needs (one statement). */
  async me(actor: Actor, csrfToken: string): Promise<MeResponse> {
    const row = await queryRow<MeRow>(this.dataSource, (sql) => meSql(sql, actor.id));
    if (!row) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    return {
      user: {
        id: row.id,
        email: row.email,
        displayName: row.displayName,
        role: row.role,
        language: row.language,
        mailDigest: row.mailDigest,
        organisation: row.organisationId ? { id: row.organisationId, name: row.organisationName ?? '' } : null,
      },
      permissions: [...actor.permissions],
      cityId: actor.cityId,
      csrfToken,
    };
  }

  /**
   * Changes the actor's own password: the current one must be right and the new one must pass
   * the policy. Every session of the user ends, and a new one starts for this client.
   */
  async changePassword(actor: Actor, dto: ChangePasswordDto, client: SignInClient): Promise<SignedIn> {
    const current = await this.dataSource.getRepository(User).findOneBy({ id: actor.id ?? '' });
    if (!current) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    assertPasswordPolicy(dto.newPassword, 'newPassword', [current.email.split('@')[0] ?? '', current.displayName]);
    // A wrong current password counts as a failed sign-in: a stolen session cannot guess it freely.
    const attempt = await this.sessions.reserveAttempt(current.email, client);
    if (!(await verifyPassword(current.passwordHash, dto.currentPassword))) {
      throw new DomainError('VALIDATION_FAILED', 'The current password is wrong', {
        currentPassword: [issue('wrongPassword', 'is wrong')],
      });
    }
    const newHash = await hashPassword(dto.newPassword);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(User)
        .findOne({ where: { id: current.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
      user.passwordHash = newHash;
      await manager.save(user);
      await recordAudit(manager, actor, {
        action: 'update',
        entityType: 'user',
        entityId: user.id,
        before: { password: '(set)' },
        after: { password: '(changed)' },
      });
      await this.sessions.forgetFailures(manager, attempt);
      await this.sessions.endAllFor(manager, user.id);
      return this.sessions.start(manager, user);
    });
  }
}
