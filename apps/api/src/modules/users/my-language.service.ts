import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Language } from '@salkku/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { findForUpdate } from '../../persistence/transaction';
import { AuditTrail } from '../audit/audit';
import { User } from './user.entity';

const userAudit = new AuditTrail('user');

/** The signed-in user's own interface language: the last choice wins, and a change is audited. */
@Injectable()
export class MyLanguageService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async set(actor: Actor, language: Language): Promise<Language> {
    const userId = actor.id;
    if (!userId) throw notFound('User', 'me');
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, User, userId, 'User');
      const before = row.language;
      if (before !== language) {
        await manager.update(User, { id: userId }, { language });
        await userAudit.updated(manager, actor, { id: userId, before: { language: before }, after: { language } });
      }
      return language;
    });
  }
}
