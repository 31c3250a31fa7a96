import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
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

  @Get()
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: Paginated(PaymentResponse) })
  @ApiErrors(400, 401, 403)
  list(@Query() query: ListPaymentsQuery, @CurrentActor() actor: Actor): Promise<Page<PaymentResponse>> {
    return this.payments.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: PaymentResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<PaymentResponse> {
    return this.payments.get(id, actor);
  }

  @Post()
  @RequirePermission('portfolio:write')
  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiErrors(400, 401, 403, 409)
  create(@Body() dto: CreatePaymentDto, @CurrentActor() actor: Actor): Promise<PaymentResponse> {
    return this.payments.create(dto, actor);
  }

  @Patch(':id')
  @RequirePermission('portfolio:write')
  @ApiOkResponse({ type: PaymentResponse })
  @ApiErrors(400, 401, 403, 404, 409, 428)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePaymentDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<PaymentResponse> {
    return this.payments.update(id, dto, version, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('portfolio:write')
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409)
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.payments.remove(id, ifMatch, actor);
  }
}
