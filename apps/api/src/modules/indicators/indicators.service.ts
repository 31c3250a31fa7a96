import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import type { CreateIndicatorDto } from './dto/create-indicator.dto';
import type { ListIndicatorsQuery } from './dto/list-indicators.query';
import type { IndicatorResponse } from './dto/indicator.response';
import type { UpdateIndicatorDto } from './dto/update-indicator.dto';

@Injectable()
export class IndicatorsService {
  list(_query: ListIndicatorsQuery, _actor: Actor): Promise<Page<IndicatorResponse>> {
    throw new Error('not implemented yet');
  }

  get(_id: string, _actor: Actor): Promise<IndicatorResponse> {
    throw new Error('not implemented yet');
  }

  create(_dto: CreateIndicatorDto, _actor: Actor): Promise<IndicatorResponse> {
    throw new Error('not implemented yet');
  }

  update(_id: string, _dto: UpdateIndicatorDto, _version: number, _actor: Actor): Promise<IndicatorResponse> {
    throw new Error('not implemented yet');
  }

  remove(_id: string, _version: number | undefined, _actor: Actor): Promise<void> {
    throw new Error('not implemented yet');
  }
}
