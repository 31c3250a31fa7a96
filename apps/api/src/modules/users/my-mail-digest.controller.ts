import { Body, Controller, HttpCode, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { AnySignedInUser } from '../../common/permissions';
import { MyMailDigestResponse, UpdateMyMailDigestDto } from './dto/update-my-mail-digest.dto';
import { MyMailDigestService } from './my-mail-digest.service';

/**
 * The signed-in user's own switch for the weekly digest email (read in GET /api/me). Any
 * signed-in user, for themselves only; the last choice wins, and it is audited. Notices about the
 * user's own reports (returned, approved…) cannot be turned off.
 */
@ApiTags('me')
@Controller('me')
export class MyMailDigestController {
  constructor(private readonly myMailDigest: MyMailDigestService) {}

  @Patch('mail-digest')
  @AnySignedInUser()
  @HttpCode(200)
  @ApiOkResponse({ type: MyMailDigestResponse })
  @ApiErrors(400, 401)
  async update(@Body() dto: UpdateMyMailDigestDto, @CurrentActor() actor: Actor): Promise<MyMailDigestResponse> {
    return { mailDigest: await this.myMailDigest.set(actor, dto.mailDigest) };
  }
}
