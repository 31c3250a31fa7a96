import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { IfMatchVersion, requireVersion, setEtag } from '../../common/version';
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
  @ApiOkResponse({ type: Paginated(PaymentResponse) })
  @ApiErrors(400)
  list(@Query() query: ListPaymentsQuery): Promise<Page<PaymentResponse>> {
    return this.payments.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PaymentResponse })
  @ApiErrors(400, 404)
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PaymentResponse> {
    const payment = await this.payments.get(id);
    setEtag(res, payment.version);
    return payment;
  }

  @Post()
  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiErrors(400, 409)
  create(@Body() dto: CreatePaymentDto, @CurrentActor() actor: Actor): Promise<PaymentResponse> {
    return this.payments.create(dto, actor);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PaymentResponse })
  @ApiErrors(400, 404, 409, 428)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePaymentDto,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<PaymentResponse> {
    return this.payments.update(id, dto, requireVersion(ifMatch, dto.version), actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 404, 409)
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.payments.remove(id, ifMatch, actor);
  }
}
