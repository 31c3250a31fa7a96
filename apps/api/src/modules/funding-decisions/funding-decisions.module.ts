import { Module } from '@nestjs/common';
import { FundingDecisionsController } from './funding-decisions.controller';
import { FundingDecisionsService } from './funding-decisions.service';

@Module({
  controllers: [FundingDecisionsController],
  providers: [FundingDecisionsService],
})
export class FundingDecisionsModule {}
