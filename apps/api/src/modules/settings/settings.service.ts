import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { queryRow } from '../../persistence/sql';
import { applyPatch, findForUpdate } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { AuditTrail } from '../audit/audit';
import { AccessibilityFeedbackSettings } from './accessibility-settings.entity';
import { AccessibilitySettingsResponse } from './dto/accessibility-settings.response';
import type { UpdateAccessibilitySettingsDto } from './dto/update-accessibility-settings.dto';
import { accessibilitySettingsSql } from './settings.queries';

const settingsAudit = new AuditTrail('settings');

function snapshot(row: AccessibilityFeedbackSettings) {
  return { email: row.email, phone: row.phone, organisationName: row.organisationName };
}

/** The single settings row (its migration inserts it), optionally locked for update. */
async function theRow(manager: EntityManager, lock: boolean): Promise<AccessibilityFeedbackSettings> {
  const row = await queryRow<AccessibilityFeedbackSettings>(manager, accessibilitySettingsSql);
  if (!row) throw notFound('AccessibilitySettings', 'accessibility');
  return lock ? findForUpdate(manager, AccessibilityFeedbackSettings, row.id, 'AccessibilitySettings') : row;
}

/** Application settings. Now: the accessibility statement's feedback contact. */
@Injectable()
export class SettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getAccessibility(): Promise<AccessibilitySettingsResponse> {
    return AccessibilitySettingsResponse.from(await theRow(this.dataSource.manager, false));
  }

  async updateAccessibility(
    dto: UpdateAccessibilitySettingsDto,
    version: number,
    actor: Actor,
  ): Promise<AccessibilitySettingsResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await theRow(manager, true);
      assertVersion('AccessibilitySettings', row.version, version);
      const before = snapshot(row);
      const changes = {
        ...dto,
        email: dto.email?.trim().toLowerCase(),
        organisationName: dto.organisationName?.trim(),
      };
      const saved = await manager.save(applyPatch(row, changes));
      await settingsAudit.updated(manager, actor, { id: saved.id, before, after: snapshot(saved) });
      return AccessibilitySettingsResponse.from(saved);
    });
  }
}
