import { Module } from '@nestjs/common';
import { PriorityAreasController } from './priority-areas.controller';
import { PriorityAreasService } from './priority-areas.service';

@Module({
  controllers: [PriorityAreasController],
  providers: [PriorityAreasService],
})
export class PriorityAreasModule {}
