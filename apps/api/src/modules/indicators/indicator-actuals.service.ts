import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import type { CreateIndicatorActualDto } from './dto/create-indicator-actual.dto';
import type { ListIndicatorActualsQuery } from './dto/list-indicator-actuals.query';
import type { IndicatorActualResponse } from './dto/indicator-actual.response';
import type { UpdateIndicatorActualDto } from './dto/update-indicator-actual.dto';

@Injectable()
export class IndicatorActualsService {
  list(_query: ListIndicatorActualsQuery, _actor: Actor): Promise<Page<IndicatorActualResponse>> {
    throw new Error('not implemented yet');
  }

  get(_id: string, _actor: Actor): Promise<IndicatorActualResponse> {
    throw new Error('not implemented yet');
  }

  create(_dto: CreateIndicatorActualDto, _actor: Actor): Promise<IndicatorActualResponse> {
    throw new Error('not implemented yet');
  }

  update(
    _id: string,
    _dto: UpdateIndicatorActualDto,
    _version: number,
    _actor: Actor,
  ): Promise<IndicatorActualResponse> {
    throw new Error('not implemented yet');
  }

  remove(_id: string, _version: number | undefined, _actor: Actor): Promise<void> {
    throw new Error('not implemented yet');
  }
}
