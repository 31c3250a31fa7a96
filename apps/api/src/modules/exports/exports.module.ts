import { Module } from '@nestjs/common';
import { ExportRunner } from './export-runner';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  controllers: [ExportsController],
  providers: [ExportsService, ExportRunner],
})
export class ExportsModule {}
