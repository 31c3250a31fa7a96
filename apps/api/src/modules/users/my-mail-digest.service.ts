import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { findForUpdate } from '../../persistence/transaction';
import { AuditTrail } from '../audit/audit';
import { User } from './user.entity';

const userAudit = new AuditTrail('user');

/**
 * The signed-in user's weekly digest switch: the last choice wins, and a change is audited.
 * enqueueMail (modules/mail/outbox.ts) reads it when a digest is written.
 */
@Injectable()
export class MyMailDigestService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async set(actor: Actor, mailDigest: boolean): Promise<boolean> {
    const userId = actor.id;
    if (!userId) throw notFound('User', 'me');
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, User, userId, 'User');
      const before = row.mailDigest;
      if (before !== mailDigest) {
        await manager.update(User, { id: userId }, { mailDigest });
        await userAudit.updated(manager, actor, { id: userId, before: { mailDigest: before }, after: { mailDigest } });
      }
      return mailDigest;
    });
  }
}
