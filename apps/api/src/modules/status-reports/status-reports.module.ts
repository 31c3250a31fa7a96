import { Module } from '@nestjs/common';
import { StatusReportsController } from './status-reports.controller';
import { StatusReportsService } from './status-reports.service';

/** Append-only status reports: list, read and write; never update or delete. */
@Module({
  controllers: [StatusReportsController],
  providers: [StatusReportsService],
})
export class StatusReportsModule {}
