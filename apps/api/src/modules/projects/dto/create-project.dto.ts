import { ApiPropertyOptional } from '@nestjs/swagger';
import { PROJECT_KINDS, type LifecycleStatus, type ProjectKind } from '@salkku/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { EnumField, IsoDateField, MoneyField, TextField, UuidField } from '../../../common/validators';

/** Statuses a project may be created in; later ones are reached only through transitions. */
export const CREATABLE_LIFECYCLE_STATUSES = ['planned', 'active'] as const satisfies readonly LifecycleStatus[];

/** Letters (including Å, Ä, Ö), digits, "_", "." and "-", starting with a letter or digit. */
export const PROJECT_CODE_PATTERN = /^[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö_.-]*$/;

/** Most partners one project may list (far above any real consortium). */
export const MAX_PARTNERS = 100;

export class ProjectPartnerInput {
  @UuidField({ description: 'An existing organisation' })
  organisationId: string;

  @TextField({ max: 200, optional: true, description: 'The organisation’s role in the project' })
  role?: string | null;

  @MoneyField({ optional: true, description: 'The organisation’s share of the budget in euros' })
  budgetShare?: string | null;
}

export class CreateProjectDto {
  @UuidField({ description: 'An existing priority area; the project belongs to its agreement' })
  priorityAreaId: string;

  @TextField({ max: 40, description: 'Short code, unique within the agreement (e.g. "VESI-KH")' })
  @Matches(PROJECT_CODE_PATTERN, {
    message: 'code must start with a letter or digit and contain only letters, digits, "_", "." and "-"',
  })
  code: string;

  @TextField({ max: 300 })
  name: string;

  @TextField({ max: 10000, optional: true })
  summary?: string | null;

  @EnumField(PROJECT_KINDS, 'ProjectKind', { optional: true, description: 'Default other' })
  kind?: ProjectKind;

  @UuidField({ description: 'An existing organisation that leads the project' })
  leadOrganisationId: string;

  @IsoDateField({ optional: true })
  plannedStart?: string | null;

  @IsoDateField({ optional: true, description: 'On or after plannedStart' })
  plannedEnd?: string | null;

  @EnumField(CREATABLE_LIFECYCLE_STATUSES, 'CreatableLifecycleStatus', {
    optional: true,
    description: 'Default planned; a new project is planned or active',
  })
  lifecycleStatus?: LifecycleStatus;

  @MoneyField({ optional: true, description: 'Total budget in euros' })
  totalBudget?: string | null;

  @TextField({ max: 40, optional: true, description: 'Project code in EURA 2021' })
  euraCode?: string | null;

  @ApiPropertyOptional({
    type: [ProjectPartnerInput],
    maxItems: MAX_PARTNERS,
    description: 'Partner organisations, each at most once. On update the list replaces the current partners.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PARTNERS)
  @ValidateNested({ each: true })
  @Type(() => ProjectPartnerInput)
  partners?: ProjectPartnerInput[];
}
