import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { CreatePriorityAreaDto } from './dto/create-priority-area.dto';
import { ListPriorityAreasQuery } from './dto/list-priority-areas.query';
import { PriorityAreaResponse } from './dto/priority-area.response';
import { UpdatePriorityAreaDto } from './dto/update-priority-area.dto';
import { PriorityAreasService } from './priority-areas.service';

@ApiTags('priority-areas')
@Controller('priority-areas')
export class PriorityAreasController extends RecordController({
  read: 'portfolio:read',
  write: 'agreements:write',
  item: PriorityAreaResponse,
  query: ListPriorityAreasQuery,
  create: CreatePriorityAreaDto,
  update: UpdatePriorityAreaDto,
}) {
  constructor(readonly service: PriorityAreasService) {
    super();
  }
}
