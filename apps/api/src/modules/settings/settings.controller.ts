import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Public, RequirePermission } from '../../common/permissions';
import { ExpectedVersion } from '../../common/version';
import { AccessibilitySettingsResponse } from './dto/accessibility-settings.response';
import { UpdateAccessibilitySettingsDto } from './dto/update-accessibility-settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  /** Public: the accessibility statement (and its contact) must be readable without signing in. */
  @Get('accessibility')
  @Public()
  @ApiOkResponse({ type: AccessibilitySettingsResponse })
  @ApiErrors(404)
  getAccessibility(): Promise<AccessibilitySettingsResponse> {
    return this.settings.getAccessibility();
  }

  @Patch('accessibility')
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: AccessibilitySettingsResponse })
  @ApiErrors(400, 401, 403, 404, 409, 428)
  updateAccessibility(
    @Body() dto: UpdateAccessibilitySettingsDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<AccessibilitySettingsResponse> {
    return this.settings.updateAccessibility(dto, version, actor);
  }
}
