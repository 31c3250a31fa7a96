import { Body, Controller, Get, Patch, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Public, RequirePermission } from '../../common/permissions';
import { IfMatchVersion, requireVersion, setEtag } from '../../common/version';
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
  async getAccessibility(@Res({ passthrough: true }) res: Response): Promise<AccessibilitySettingsResponse> {
    const settings = await this.settings.getAccessibility();
    setEtag(res, settings.version);
    return settings;
  }

  @Patch('accessibility')
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: AccessibilitySettingsResponse })
  @ApiErrors(400, 401, 403, 404, 409, 428)
  updateAccessibility(
    @Body() dto: UpdateAccessibilitySettingsDto,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<AccessibilitySettingsResponse> {
    return this.settings.updateAccessibility(dto, requireVersion(ifMatch, dto.version), actor);
  }
}
