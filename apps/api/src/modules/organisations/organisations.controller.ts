import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationResponse } from './dto/organisation.response';
import { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController extends RecordController({
  read: 'organisations:read',
  write: 'organisations:write',
  item: OrganisationResponse,
  query: ListOrganisationsQuery,
  create: CreateOrganisationDto,
  update: UpdateOrganisationDto,
  createConflicts: true,
}) {
  constructor(readonly service: OrganisationsService) {
    super();
  }
}
