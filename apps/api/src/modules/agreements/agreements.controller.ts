import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { AgreementsService } from './agreements.service';
import { AgreementResponse } from './dto/agreement.response';
import { CreateAgreementDto } from './dto/create-agreement.dto';
import { ListAgreementsQuery } from './dto/list-agreements.query';
import { UpdateAgreementDto } from './dto/update-agreement.dto';

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController extends RecordController({
  read: 'portfolio:read',
  write: 'agreements:write',
  item: AgreementResponse,
  query: ListAgreementsQuery,
  create: CreateAgreementDto,
  update: UpdateAgreementDto,
}) {
  constructor(readonly service: AgreementsService) {
    super();
  }
}
