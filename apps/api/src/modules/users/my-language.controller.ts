import { Body, Controller, HttpCode, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { AnySignedInUser } from '../../common/permissions';
import { MyLanguageResponse, UpdateMyLanguageDto } from './dto/update-my-language.dto';
import { MyLanguageService } from './my-language.service';

/**
 * The signed-in user's own interface language (fi, sv, en), so the web remembers their choice.
 * Any signed-in user, for themselves only; no version: the last choice wins, and it is audited.
 */
@ApiTags('me')
@Controller('me')
export class MyLanguageController {
  constructor(private readonly myLanguage: MyLanguageService) {}

  @Patch('language')
  @AnySignedInUser()
  @HttpCode(200)
  @ApiOkResponse({ type: MyLanguageResponse })
  @ApiErrors(400, 401)
  async update(@Body() dto: UpdateMyLanguageDto, @CurrentActor() actor: Actor): Promise<MyLanguageResponse> {
    return { language: await this.myLanguage.set(actor, dto.language) };
  }
}
