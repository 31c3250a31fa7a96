import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { CreateParticipantDto } from './dto/create-participant.dto';
import { ListParticipantsQuery } from './dto/list-participants.query';
import { ParticipantResponse } from './dto/participant.response';
import { UpdateParticipantDto } from './dto/update-participant.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('participants')
@Controller('participants')
export class ParticipantsController extends RecordController({
  read: 'portfolio:read',
  write: 'portfolio:write',
  item: ParticipantResponse,
  query: ListParticipantsQuery,
  create: CreateParticipantDto,
  update: UpdateParticipantDto,
  createConflicts: true,
  docs: {
    list: {
      summary: 'List participants (the participant register)',
      description:
        'Filter by project, agreement, organisation, role, flagged (companies without a business ID) and the ' +
        "organisation's name. Only participants of the user's city scope are listed and counted.",
    },
    get: { summary: 'Read a participant', description: "Another city's participant is not found (404)" },
    create: {
      summary: 'Add an organisation to a project',
      description:
        "The project must be in the user's city scope (otherwise 400 on projectId, as if missing) and the " +
        'organisation must exist (otherwise 400 on organisationId). An organisation takes part in a project ' +
        'once: another row for it is 409 DUPLICATE on organisationId. endsOn may not be before startsOn.',
    },
    update: {
      summary: 'Update a participant',
      description: 'The project cannot be changed. endsOn may not be before startsOn (as stored after the change).',
    },
    remove: { summary: 'Remove a participant', description: 'If-Match is optional; a stale one is a 409' },
  },
}) {
  constructor(readonly service: ParticipantsService) {
    super();
  }
}
