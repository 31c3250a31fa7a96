import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { EXPORT_PROFILES, LANGUAGES, type ExportProfile, type Language } from '@salkku/shared';
import { IsIn, IsOptional } from 'class-validator';
import { IdFilter } from '../../../common/query-fields';
import { ListFundingDecisionsQuery } from '../../funding-decisions/dto/list-funding-decisions.query';
import { ListMilestonesQuery } from '../../milestones/dto/list-milestones.query';
import { ListParticipantsQuery } from '../../participants/dto/list-participants.query';
import { ListPaymentsQuery } from '../../payments/dto/list-payments.query';
import { ListProjectsQuery } from '../../projects/dto/list-projects.query';
import { ListStatusReportsQuery } from '../../status-reports/dto/list-status-reports.query';

/** What every export takes besides its list's filters and sort. */
export class ExportOptions {
  @ApiPropertyOptional({
    enum: EXPORT_PROFILES,
    enumName: 'ExportProfile',
    description:
      'fi-excel: ";" between fields, UTF-8 with BOM, decimal comma, dates D.M.YYYY (Excel in Finnish/Swedish). ' +
      'standard: RFC 4180, ",", UTF-8 without BOM, decimal point, ISO dates. ' +
      'Default: fi-excel when the language is fi or sv, standard for en.',
  })
  @IsOptional()
  @IsIn(EXPORT_PROFILES)
  profile?: ExportProfile;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    enumName: 'Language',
    description: "Language of the column headers and value labels; default: the user's language",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

/*
 * Each export takes exactly its list's filters and sort (the list's own query class, without the
 * page), so the file holds the rows the list shows across all its pages, in the same order.
 */
const NO_PAGE = ['page', 'pageSize'] as const;

export class ExportProjectsQuery extends IntersectionType(OmitType(ListProjectsQuery, NO_PAGE), ExportOptions) {}

export class ExportFundingDecisionsQuery extends IntersectionType(
  OmitType(ListFundingDecisionsQuery, NO_PAGE),
  ExportOptions,
) {}

export class ExportPaymentsQuery extends IntersectionType(OmitType(ListPaymentsQuery, NO_PAGE), ExportOptions) {}

export class ExportMilestonesQuery extends IntersectionType(OmitType(ListMilestonesQuery, NO_PAGE), ExportOptions) {}

export class ExportStatusReportsQuery extends IntersectionType(
  OmitType(ListStatusReportsQuery, NO_PAGE),
  ExportOptions,
) {}

export class ExportParticipantsQuery extends IntersectionType(
  OmitType(ListParticipantsQuery, NO_PAGE),
  ExportOptions,
) {}

/**
 * The indicator values have no list of their own to copy: one row per indicator × holder (a
 * project, or the agreement itself) × period, in a fixed order (agreement, priority area, project,
 * indicator, period), filtered by these.
 */
export class ExportIndicatorValuesQuery extends ExportOptions {
  @IdFilter("Values of the agreement's own indicators' holders: the agreement and its projects")
  agreementId?: string;

  @IdFilter("One project's values")
  projectId?: string;

  @IdFilter("One indicator's values")
  indicatorId?: string;
}
