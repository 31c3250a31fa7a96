import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as PinoInstance } from 'pino';
import { DataSource } from 'typeorm';
import { loggerModule } from './common/logging';
import { APP_CONFIG, type AppConfig } from './config/config';
import { createDataSourceOptions } from './database/data-source-options';
import type { ResolvedDatabase } from './database/database-url';
import { EmbeddedPostgresLifecycle } from './database/embedded-lifecycle';
import { AgreementsModule } from './modules/agreements/agreements.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { ExportsModule } from './modules/exports/exports.module';
import { FundingDecisionsModule } from './modules/funding-decisions/funding-decisions.module';
import { HealthModule } from './modules/health/health.module';
import { IndicatorsModule } from './modules/indicators/indicators.module';
import { MailModule } from './modules/mail/mail.module';
import { MilestonesModule } from './modules/milestones/milestones.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { ParticipantsModule } from './modules/participants/participants.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { PriorityAreasModule } from './modules/priority-areas/priority-areas.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { ReportingRoundsModule } from './modules/reporting-rounds/reporting-rounds.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SettingsModule } from './modules/settings/settings.module';
import { StatusReportsModule } from './modules/status-reports/status-reports.module';
import { UsersModule } from './modules/users/users.module';

export const FEATURE_MODULES = [
  HealthModule,
  AuthModule,
  UsersModule,
  AuditModule,
  MailModule,
  OrganisationsModule,
  AgreementsModule,
  PriorityAreasModule,
  ProjectsModule,
  FundingDecisionsModule,
  PaymentsModule,
  MilestonesModule,
  StatusReportsModule,
  IndicatorsModule,
  ParticipantsModule,
  DashboardModule,
  ReportsModule,
  ReportingRoundsModule,
  ExportsModule,
  SettingsModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: ResolvedDatabase, logger: PinoInstance): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule(logger),
        TypeOrmModule.forRoot({
          ...createDataSourceOptions({ url: database.url, poolSize: database.poolSize, logSql: config.logSql }),
          // Migrations run in createApp, under a lock shared by all instances (database/migrate.ts).
          migrationsRun: false,
        }),
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        ...(database.embedded
          ? [
              {
                provide: EmbeddedPostgresLifecycle,
                useFactory: (dataSource: DataSource) => new EmbeddedPostgresLifecycle(dataSource, database.embedded!),
                inject: [DataSource],
              },
            ]
          : []),
      ],
      exports: [APP_CONFIG],
      global: true,
    };
  }
}
