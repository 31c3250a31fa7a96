import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/api-errors';
import { RequirePermission } from '../../common/permissions';
import { ListMailOutboxQuery } from './dto/list-mail-outbox.query';
import { MailOutboxPage } from './dto/mail-message.response';
import { MailOutboxService } from './mail-outbox.service';

/**
 * The mail outbox, read-only (admins): what was sent, what waits and why, and — with no SMTP_URL
 * — the messages themselves, since nothing is sent. Messages are written only by enqueueMail in
 * the transaction of their event.
 */
@ApiTags('mail')
@Controller('mail-outbox')
export class MailOutboxController {
  constructor(private readonly outbox: MailOutboxService) {}

  /** Every message, newest first, rendered in its recipient's language; filter by status and kind. */
  @Get()
  @RequirePermission('mail:read')
  @ApiOkResponse({ type: MailOutboxPage })
  @ApiErrors(400, 401, 403)
  list(@Query() query: ListMailOutboxQuery): Promise<MailOutboxPage> {
    return this.outbox.list(query);
  }
}
