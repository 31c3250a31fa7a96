import { Body, Controller, HttpCode, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { notFound } from '../../common/domain-error';
import { AnySignedInUser } from '../../common/permissions';
import { findForUpdate } from '../../common/transaction';
import { recordAudit } from '../audit/audit';
import { MyLanguageResponse, UpdateMyLanguageDto } from './dto/update-my-language.dto';
import { User } from './user.entity';

/**
 * The signed-in user's own interface language (fi, sv, en), so the web remembers their choice.
 * Any signed-in user, for themselves only; no version: the last choice wins, and it is audited.
 */
@ApiTags('me')
@Controller('me')
export class MyLanguageController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Patch('language')
  @AnySignedInUser()
  @HttpCode(200)
  @ApiOkResponse({ type: MyLanguageResponse })
  @ApiErrors(400, 401)
  update(@Body() dto: UpdateMyLanguageDto, @CurrentActor() actor: Actor): Promise<MyLanguageResponse> {
    const userId = actor.id;
    if (!userId) throw notFound('User', 'me');
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, User, userId, 'User');
      const before = row.language;
      if (before !== dto.language) {
        await manager.update(User, { id: userId }, { language: dto.language });
        await recordAudit(manager, actor, {
          action: 'update',
          entityType: 'user',
          entityId: userId,
          before: { language: before },
          after: { language: dto.language },
        });
      }
      return { language: dto.language };
    });
  }
}
