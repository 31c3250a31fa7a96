import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795840487219 } from './1795840487219-InitialSchema';
import { AccountsSessionsAudit1795844135416 } from './1795844135416-AccountsSessionsAudit';
import { AccessibilityFeedbackSettings1795847011772 } from './1795847011772-AccessibilityFeedbackSettings';
import { ProjectCodeUniquePerAgreement1796419669117 } from './1796419669117-ProjectCodeUniquePerAgreement';
import { ThrottlePerAccountAndClient1796419888498 } from './1796419888498-ThrottlePerAccountAndClient';
import { PortfolioFacts1796440220447 } from './1796440220447-PortfolioFacts';
import { IndicatorsAndParticipants1796450386281 } from './1796450386281-IndicatorsAndParticipants';
import { MailOutbox1796460005022 } from './1796460005022-MailOutbox';
import { IndicatorEnterpriseFacts1796460202271 } from './1796460202271-IndicatorEnterpriseFacts';
import { ReportingRounds1796460320475 } from './1796460320475-ReportingRounds';

/**
 * Every migration, oldest first. Never edit one that has landed: add a new one.
 * Generate a draft with `pnpm migration:generate <Name>`, read it, then list it here.
 */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  InitialSchema1795840487219,
  AccountsSessionsAudit1795844135416,
  AccessibilityFeedbackSettings1795847011772,
  ProjectCodeUniquePerAgreement1796419669117,
  ThrottlePerAccountAndClient1796419888498,
  PortfolioFacts1796440220447,
  IndicatorsAndParticipants1796450386281,
  MailOutbox1796460005022,
  IndicatorEnterpriseFacts1796460202271,
  ReportingRounds1796460320475,
];
