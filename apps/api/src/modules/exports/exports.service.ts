import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  defaultExportProfile,
  EXPORT_COLUMN_LABELS,
  EXPORT_COLUMNS,
  EXPORT_FILE_PROFILE_WORDS,
  EXPORT_FILE_WORDS,
  todayIso,
  type ExportDataset,
  type ExportProfile,
  type Language,
} from '@salkku/shared';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CellSql, CSV_PROFILES, headerRow } from './csv-format';
import { ExportRunner } from './export-runner';
import {
  fundingDecisionsExport,
  indicatorValuesExport,
  milestonesExport,
  participantsExport,
  paymentsExport,
  projectsExport,
  statusReportsExport,
  type ExportContext,
  exportScopeSql,
  type ExportStatement,
} from './export.queries';
import { queryRow } from '../../persistence/sql';
import type {
  ExportFundingDecisionsQuery,
  ExportIndicatorValuesQuery,
  ExportMilestonesQuery,
  ExportOptions,
  ExportParticipantsQuery,
  ExportPaymentsQuery,
  ExportProjectsQuery,
  ExportStatusReportsQuery,
} from './dto/export-queries';

/** A name for a file: lower-case ASCII letters, digits and dashes ("Kuopion kaupunki" → "kuopion-kaupunki"). */
export function fileNameSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** Strips the export options so the list's filter builder gets only its own fields. */
function filtersOf<Q extends ExportOptions>(query: Q): Omit<Q, 'profile' | 'lang'> {
  const { profile: _profile, lang: _lang, ...filters } = query;
  return filters;
}

@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: ExportRunner,
  ) {}

  projects(query: ExportProjectsQuery, actor: Actor, res: Response): Promise<void> {
    return this.run('projects', query, actor, res, (ctx) => projectsExport(ctx, filtersOf(query)));
  }

  fundingDecisions(query: ExportFundingDecisionsQuery, actor: Actor, res: Response): Promise<void> {
    return this.run('funding-decisions', query, actor, res, (ctx) => fundingDecisionsExport(ctx, filtersOf(query)));
  }

  payments(query: ExportPaymentsQuery, actor: Actor, res: Response): Promise<void> {
    return this.run('payments', query, actor, res, (ctx) => paymentsExport(ctx, filtersOf(query)));
  }

  milestones(query: ExportMilestonesQuery, actor: Actor, res: Response): Promise<void> {
    return this.run('milestones', query, actor, res, (ctx) => milestonesExport(ctx, filtersOf(query)));
  }

  statusReports(query: ExportStatusReportsQuery, actor: Actor, res: Response): Promise<void> {
    return this.run('status-reports', query, actor, res, (ctx) => statusReportsExport(ctx, filtersOf(query)));
  }

  participants(query: ExportParticipantsQuery, actor: Actor, res: Response): Promise<void> {
    return this.run('participants', query, actor, res, (ctx) => participantsExport(ctx, filtersOf(query)));
  }

  indicatorValues(query: ExportIndicatorValuesQuery, actor: Actor, res: Response): Promise<void> {
    return this.run('indicator-values', query, actor, res, (ctx) => indicatorValuesExport(ctx, filtersOf(query)));
  }

  private async run(
    dataset: ExportDataset,
    query: ExportOptions & { agreementId?: string },
    actor: Actor,
    res: Response,
    build: (ctx: ExportContext) => ExportStatement,
  ): Promise<void> {
    const today = todayIso(this.config.timeZone);
    const who = await this.lookup(actor, query.agreementId);
    const lang: Language = query.lang ?? who.language ?? 'fi';
    const profileName: ExportProfile = query.profile ?? defaultExportProfile(lang);
    const profile = CSV_PROFILES[profileName];
    // Building the SQL validates the filters (e.g. a date range that ends before it starts): 400 here.
    const statement = build({ actor, lang, cell: new CellSql(profile, this.config.timeZone), today });
    const words = EXPORT_FILE_WORDS[lang];
    const scope = (who.scopeName && fileNameSlug(who.scopeName)) || words.all;
    await this.runner.run(res, {
      userId: actor.id ?? 'system',
      dataset,
      statement,
      profile,
      header: headerRow(
        EXPORT_COLUMNS[dataset].map((column) => EXPORT_COLUMN_LABELS[lang][column]),
        profile,
      ),
      fileName: `salkku-${words[dataset]}-${scope}-${today}-${EXPORT_FILE_PROFILE_WORDS[profileName]}.csv`,
    });
  }

  /**
   * The user's language (for the default `lang`) and the name that says the file's scope: the
   * user's city for a city-scoped user, else the city of the agreement filtered on, if any.
   */
  private async lookup(
    actor: Actor,
    agreementId: string | undefined,
  ): Promise<{ language: Language | null; scopeName: string | null }> {
    const row = await queryRow<{ language: Language | null; scope_name: string | null }>(this.dataSource, (sql) =>
      exportScopeSql(sql, actor, agreementId),
    );
    return { language: row?.language ?? null, scopeName: row?.scope_name ?? null };
  }
}
