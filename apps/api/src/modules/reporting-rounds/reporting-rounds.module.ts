import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { PaymentsModule } from '../payments/payments.module';
import { ProjectsModule } from '../projects/projects.module';
import { ReportsModule } from '../reports/reports.module';
import { PeriodReportsController } from './period-reports.controller';
import { PeriodReportsService } from './period-reports.service';
import { ReportingRoundsController } from './reporting-rounds.controller';
import { ReportingRoundsProducer } from './reporting-rounds.producer';
import { ReportingRoundsService } from './reporting-rounds.service';

/**
 * Reporting rounds (issue 13): rounds, period reports and their workflow, frozen reports, and the
 * notices each step writes; the scheduled notices come from ReportingRoundsProducer, registered
 * with the mail worker's producers when the module starts.
 */
@Module({
  imports: [ProjectsModule, MilestonesModule, PaymentsModule, IndicatorsModule, ReportsModule],
  controllers: [ReportingRoundsController, PeriodReportsController],
  providers: [ReportingRoundsService, PeriodReportsService, ReportingRoundsProducer],
})
export class ReportingRoundsModule {}
