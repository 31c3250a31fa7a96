import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import { CreateRoute, DeleteRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
import { ExpectedVersion, IfMatchVersion } from '../../common/version';
import { CreatePaymentDto } from './dto/create-payment.dto';
import { ListPaymentsQuery } from './dto/list-payments.query';
import { PaymentResponse } from './dto/payment.response';
import { UpdatePaymentDto } from './dto/update-payment.dto';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @ListRoute('portfolio:read', PaymentResponse)
  list(@Query() query: ListPaymentsQuery, @CurrentActor() actor: Actor): Promise<Page<PaymentResponse>> {
    return this.payments.list(query, actor);
  }

  @ReadRoute('portfolio:read', PaymentResponse)
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<PaymentResponse> {
    return this.payments.get(id, actor);
  }

  @CreateRoute('portfolio:write', PaymentResponse, { conflicts: true })
  create(@Body() dto: CreatePaymentDto, @CurrentActor() actor: Actor): Promise<PaymentResponse> {
    return this.payments.create(dto, actor);
  }

  @UpdateRoute('portfolio:write', PaymentResponse)
  update(
    @IdParam() id: string,
    @Body() dto: UpdatePaymentDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<PaymentResponse> {
    return this.payments.update(id, dto, version, actor);
  }

  @DeleteRoute('portfolio:write')
  remove(
    @IdParam() id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.payments.remove(id, ifMatch, actor);
  }
}
