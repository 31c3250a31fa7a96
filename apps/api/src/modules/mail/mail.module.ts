import { Global, Module } from '@nestjs/common';
import { MailOutboxController } from './mail-outbox.controller';
import { MailOutboxService } from './mail-outbox.service';
import { MailWorker } from './mail.worker';
import { MailProducers } from './outbox';

/** Email: the outbox (enqueueMail), the producers' registry, the worker that sends, and the admins' outbox view. */
@Global()
@Module({
  controllers: [MailOutboxController],
  providers: [MailProducers, MailWorker, MailOutboxService],
  exports: [MailProducers, MailWorker],
})
export class MailModule {}
