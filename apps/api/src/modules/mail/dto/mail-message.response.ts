import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, MAIL_KINDS, MAIL_STATUSES, type Language, type MailKind, type MailStatus } from '@salkku/shared';
import { Paginated } from '../../../common/pagination';
import { renderMail } from '../mail.templates';
import type { OutboxRow } from '../mail.queries';

/** One outbox message as its recipient gets it (rendered in their language), with its delivery state. */
export class MailMessageResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MAIL_KINDS, enumName: 'MailKind' })
  kind: MailKind;

  @ApiProperty({ enum: MAIL_STATUSES, enumName: 'MailStatus' })
  status: MailStatus;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'null: the user was deleted' })
  userId: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'Maija Meikäläinen' })
  recipientName: string | null;

  @ApiProperty({ example: 'coordinator@kuopio.example', description: 'The address at the time of the event' })
  recipientEmail: string;

  @ApiProperty({ enum: LANGUAGES, enumName: 'Language' })
  language: Language;

  @ApiProperty({ example: 'Raportti hyväksytty: Vesiklusteri, 2. puolivuosi 2025' })
  subject: string;

  @ApiProperty({ description: 'The plain-text body as sent' })
  body: string;

  @ApiProperty({ description: 'Delivery attempts so far' })
  attempts: number;

  @ApiProperty({ type: 'string', nullable: true, description: 'The error of the last failed attempt' })
  lastError: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', description: 'When a pending message is (re)tried' })
  nextAttemptAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  sentAt: string | null;

  static from(row: OutboxRow, publicUrl: string): MailMessageResponse {
    let subject: string;
    let body: string;
    try {
      const mail = renderMail(row, publicUrl);
      subject = mail.subject;
      body = mail.text;
    } catch (error) {
      // A message that cannot be rendered is still listed (the worker marks it failed).
      subject = `(${row.kind})`;
      body = `Cannot render this message: ${error instanceof Error ? error.message : String(error)}`;
    }
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      userId: row.userId,
      recipientName: row.recipientName,
      recipientEmail: row.recipientEmail,
      language: row.language,
      subject,
      body,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: new Date(row.createdAt).toISOString(),
      nextAttemptAt: new Date(row.nextAttemptAt).toISOString(),
      sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
    };
  }
}

/** A page of the outbox, and whether this installation sends email at all. */
export class MailOutboxPage extends Paginated(MailMessageResponse) {
  @ApiProperty({ description: 'false: no SMTP_URL is configured, so nothing is sent and messages stay here' })
  delivering: boolean;
}
