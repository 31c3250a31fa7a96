import { Global, Module } from '@nestjs/common';
import { MailProducers } from './outbox';

/** Email: the outbox (enqueueMail), the producers' registry and the worker that sends. */
@Global()
@Module({
  providers: [MailProducers],
  exports: [MailProducers],
})
export class MailModule {}
