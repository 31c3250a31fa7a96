import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { CreateMilestoneDto } from './dto/create-milestone.dto';
import { ListMilestonesQuery } from './dto/list-milestones.query';
import { MilestoneResponse } from './dto/milestone.response';
import { UpdateMilestoneDto } from './dto/update-milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@Controller('milestones')
export class MilestonesController extends RecordController({
  read: 'portfolio:read',
  write: 'portfolio:write',
  item: MilestoneResponse,
  query: ListMilestonesQuery,
  create: CreateMilestoneDto,
  update: UpdateMilestoneDto,
  docs: {
    list: {
      summary: 'List milestones',
      description:
        "Filter by project, agreement, status, overdue and due-date range. Only milestones of the user's city " +
        'scope are listed and counted.',
    },
    get: { summary: 'Read a milestone', description: "Another city's milestone is not found (404)" },
    create: {
      summary: 'Add a milestone',
      description: "The project must be in the user's city scope (otherwise 400 on projectId, as if missing)",
    },
    update: {
      summary: 'Update a milestone',
      description:
        'Status changes follow allowedTransitions (otherwise 409 ILLEGAL_TRANSITION). Becoming done sets completedOn ' +
        '(today unless given); leaving done clears it. The project cannot be changed.',
    },
    remove: { summary: 'Delete a milestone', description: 'If-Match is optional; a stale one is a 409' },
  },
}) {
  constructor(readonly service: MilestonesService) {
    super();
  }
}
