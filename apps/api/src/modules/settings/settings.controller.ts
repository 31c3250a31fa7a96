import { Body, Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Public } from '../../common/permissions';
import { ApiVersionedResponse, UpdateRoute } from '../../common/routes';
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
  @ApiVersionedResponse(AccessibilitySettingsResponse)
  @ApiErrors(404)
  getAccessibility(): Promise<AccessibilitySettingsResponse> {
    return this.settings.getAccessibility();
  }

  @UpdateRoute('users:manage', AccessibilitySettingsResponse, 'accessibility')
  updateAccessibility(
    @Body() dto: UpdateAccessibilitySettingsDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<AccessibilitySettingsResponse> {
    return this.settings.updateAccessibility(dto, version, actor);
  }
}
