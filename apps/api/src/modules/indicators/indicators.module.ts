import { Module } from '@nestjs/common';
import { IndicatorActualsController } from './indicator-actuals.controller';
import { IndicatorActualsService } from './indicator-actuals.service';
import { IndicatorResultsController } from './indicator-results.controller';
import { IndicatorResultsService } from './indicator-results.service';
import { IndicatorTargetsController } from './indicator-targets.controller';
import { IndicatorTargetsService } from './indicator-targets.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';

@Module({
  controllers: [
    IndicatorsController,
    IndicatorTargetsController,
    IndicatorActualsController,
    IndicatorResultsController,
  ],
  providers: [IndicatorsService, IndicatorTargetsService, IndicatorActualsService, IndicatorResultsService],
  exports: [IndicatorActualsService, IndicatorResultsService],
})
export class IndicatorsModule {}
