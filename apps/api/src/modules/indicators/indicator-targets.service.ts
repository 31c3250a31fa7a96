import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import type { CreateIndicatorTargetDto } from './dto/create-indicator-target.dto';
import type { ListIndicatorTargetsQuery } from './dto/list-indicator-targets.query';
import type { IndicatorTargetResponse } from './dto/indicator-target.response';
import type { UpdateIndicatorTargetDto } from './dto/update-indicator-target.dto';

@Injectable()
export class IndicatorTargetsService {
  list(_query: ListIndicatorTargetsQuery, _actor: Actor): Promise<Page<IndicatorTargetResponse>> {
    throw new Error('not implemented yet');
  }

  get(_id: string, _actor: Actor): Promise<IndicatorTargetResponse> {
    throw new Error('not implemented yet');
  }

  create(_dto: CreateIndicatorTargetDto, _actor: Actor): Promise<IndicatorTargetResponse> {
    throw new Error('not implemented yet');
  }

  update(
    _id: string,
    _dto: UpdateIndicatorTargetDto,
    _version: number,
    _actor: Actor,
  ): Promise<IndicatorTargetResponse> {
    throw new Error('not implemented yet');
  }

  remove(_id: string, _version: number | undefined, _actor: Actor): Promise<void> {
    throw new Error('not implemented yet');
  }
}
