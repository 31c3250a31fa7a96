import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { readList } from '../../persistence/sql';
import type { ListMailOutboxQuery } from './dto/list-mail-outbox.query';
import { MailMessageResponse, type MailOutboxPage } from './dto/mail-message.response';
import { outboxList, type OutboxRow } from './mail.queries';

/** The outbox as admins read it ('mail:read'): every message rendered as its recipient gets it. */
@Injectable()
export class MailOutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Newest first; one statement per page (the total as a window count). */
  async list(query: ListMailOutboxQuery): Promise<MailOutboxPage> {
    const page = await readList(this.dataSource, query, outboxList(query), (row: OutboxRow) =>
      MailMessageResponse.from(row, this.config.publicUrl),
    );
    return { ...page, delivering: this.config.smtpUrl !== null };
  }
}
