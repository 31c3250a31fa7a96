import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { CreateFundingDecisionDto } from './dto/create-funding-decision.dto';
import { FundingDecisionResponse } from './dto/funding-decision.response';
import { ListFundingDecisionsQuery } from './dto/list-funding-decisions.query';
import { UpdateFundingDecisionDto } from './dto/update-funding-decision.dto';
import { FundingDecisionsService } from './funding-decisions.service';

@ApiTags('funding-decisions')
@Controller('funding-decisions')
export class FundingDecisionsController extends RecordController({
  read: 'portfolio:read',
  write: 'portfolio:write',
  item: FundingDecisionResponse,
  query: ListFundingDecisionsQuery,
  create: CreateFundingDecisionDto,
  update: UpdateFundingDecisionDto,
  createConflicts: true,
}) {
  constructor(readonly service: FundingDecisionsService) {
    super();
  }
}
