import { Agreement } from '../modules/agreements/agreement.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { KnownDevice } from '../modules/auth/known-device.entity';
import { LoginAttempt } from '../modules/auth/login-attempt.entity';
import { Session } from '../modules/auth/session.entity';
import { FundingDecision } from '../modules/funding-decisions/funding-decision.entity';
import { IndicatorActual } from '../modules/indicators/indicator-actual.entity';
import { IndicatorTarget } from '../modules/indicators/indicator-target.entity';
import { Indicator } from '../modules/indicators/indicator.entity';
import { MailMessage } from '../modules/mail/mail-message.entity';
import { Milestone } from '../modules/milestones/milestone.entity';
import { Organisation } from '../modules/organisations/organisation.entity';
import { Participant } from '../modules/participants/participant.entity';
import { Payment } from '../modules/payments/payment.entity';
import { IndicatorEnterpriseFacts } from '../modules/portfolio-facts/indicator-enterprise-facts.entity';
import { IndicatorPeriodFacts } from '../modules/portfolio-facts/indicator-period-facts.entity';
import { IndicatorTargetFacts } from '../modules/portfolio-facts/indicator-target-facts.entity';
import { FundingDecisionFacts } from '../modules/portfolio-facts/funding-decision-facts.entity';
import { MilestoneMonthFacts } from '../modules/portfolio-facts/milestone-month-facts.entity';
import { ProjectFacts } from '../modules/portfolio-facts/project-facts.entity';
import { PriorityArea } from '../modules/priority-areas/priority-area.entity';
import { ProjectPartner } from '../modules/projects/project-partner.entity';
import { Project } from '../modules/projects/project.entity';
import { AccessibilityFeedbackSettings } from '../modules/settings/accessibility-settings.entity';
import { StatusReport } from '../modules/status-reports/status-report.entity';
import { FrozenReport } from '../modules/reporting-rounds/frozen-report.entity';
import { PeriodReport } from '../modules/reporting-rounds/period-report.entity';
import { ReportingRound } from '../modules/reporting-rounds/reporting-round.entity';
import { User } from '../modules/users/user.entity';

/** Every entity, for the data source (the app's and the migration CLI's). */
export const ENTITIES = [
  Organisation,
  Agreement,
  PriorityArea,
  Project,
  ProjectPartner,
  FundingDecision,
  Payment,
  Milestone,
  StatusReport,
  User,
  Session,
  LoginAttempt,
  KnownDevice,
  AuditEvent,
  AccessibilityFeedbackSettings,
  ProjectFacts,
  FundingDecisionFacts,
  MilestoneMonthFacts,
  Indicator,
  IndicatorTarget,
  IndicatorActual,
  Participant,
  IndicatorPeriodFacts,
  IndicatorTargetFacts,
  IndicatorEnterpriseFacts,
  MailMessage,
  ReportingRound,
  PeriodReport,
  FrozenReport,
];
