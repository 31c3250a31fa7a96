import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { CreatePaymentDto } from './dto/create-payment.dto';
import { ListPaymentsQuery } from './dto/list-payments.query';
import { PaymentResponse } from './dto/payment.response';
import { UpdatePaymentDto } from './dto/update-payment.dto';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@Controller('payments')
export class PaymentsController extends RecordController({
  read: 'portfolio:read',
  write: 'portfolio:write',
  item: PaymentResponse,
  query: ListPaymentsQuery,
  create: CreatePaymentDto,
  update: UpdatePaymentDto,
  createConflicts: true,
}) {
  constructor(readonly service: PaymentsService) {
    super();
  }
}
