import { MAIL_KINDS, MAIL_STATUSES, type MailKind, type MailStatus } from '@salkku/shared';
import { PageQuery } from '../../../common/pagination';
import { EnumFilter } from '../../../common/query-fields';

/** Filters of the outbox; the list is always newest first. */
export class ListMailOutboxQuery extends PageQuery {
  @EnumFilter(MAIL_STATUSES, 'MailStatus', 'pending: not sent yet (or kept for admins with no SMTP_URL)')
  status?: MailStatus;

  @EnumFilter(MAIL_KINDS, 'MailKind')
  kind?: MailKind;
}
