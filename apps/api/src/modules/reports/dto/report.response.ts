import { ApiProperty } from '@nestjs/swagger';
import {
  FUNDING_INSTRUMENTS,
  HEALTH_VALUES,
  LIFECYCLE_STATUSES,
  MILESTONE_STATUSES,
  PROJECT_KINDS,
  type FundingInstrument,
  type Health,
  type LifecycleStatus,
  type MilestoneStatus,
  type ProjectKind,
} from '@salkku/shared';
import { OrganisationRef, ProjectRef } from '../../../common/responses';
import { HealthCount } from '../../dashboard/dto/dashboard.response';
import { ProjectStatusReportRef } from '../../projects/dto/project.response';

/**
 * The reports' response shapes. The descriptions are the figures' definitions (docs/API.md
 * repeats them); reports.queries.ts computes them.
 */

export class ReportPeriodResponse {
  @ApiProperty({ type: 'string', format: 'date', description: 'First day of the period (included)' })
  from: string;

  @ApiProperty({ type: 'string', format: 'date', description: 'Last day of the period (included)' })
  to: string;

  @ApiProperty({
    type: 'string',
    format: 'date',
    description: 'min(to, today): the day on which "overdue" and "not completed" are judged',
  })
  asOf: string;

  @ApiProperty({ type: 'string', format: 'date', description: 'Today in SALKKU_TIME_ZONE when the report was made' })
  today: string;
}

export class ReportFundingFigures {
  @ApiProperty({
    example: '150000.00',
    description:
      'Sum of amountGranted of the decisions in a payable status (granted, amended) whose decision date is on or ' +
      'before `to` or not known. Decisions with an unknown amount add nothing here (see unknownAmounts).',
  })
  granted: string;

  @ApiProperty({ example: '50000.00', description: 'Sum of the payments on those decisions paid on or before `to`' })
  paid: string;

  @ApiProperty({
    example: '20000.00',
    description: 'Sum of the payments on those decisions paid within the period (from–to, both included)',
  })
  paidInPeriod: string;

  @ApiProperty({ example: '100000.00', description: 'granted − paid' })
  remaining: string;

  @ApiProperty({
    example: 0,
    description: 'Decisions counted above whose amount is not known: not in `granted`, so the true total is higher',
  })
  unknownAmounts: number;
}

export class ReportFundingRow extends ReportFundingFigures {
  @ApiProperty({ type: OrganisationRef })
  funder: OrganisationRef;

  @ApiProperty({ enum: FUNDING_INSTRUMENTS, enumName: 'FundingInstrument' })
  instrument: FundingInstrument;
}

export class ReportFundingTable {
  @ApiProperty({
    type: [ReportFundingRow],
    description: 'One row per funder and instrument with decisions counted, by funder name then instrument',
  })
  rows: ReportFundingRow[];

  @ApiProperty({ type: ReportFundingFigures, description: 'The sum of the rows (zeros when there are none)' })
  total: ReportFundingFigures;
}

export class ReportLatestStatus {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date' })
  reportingDate: string;

  @ApiProperty({ enum: HEALTH_VALUES, enumName: 'Health' })
  health: Health;

  @ApiProperty({ description: 'The report’s narrative: why the health is what it is' })
  summary: string;

  @ApiProperty({ type: 'string', nullable: true })
  risks: string | null;
}

export class ReportProject {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'VESI-KH' })
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PROJECT_KINDS, enumName: 'ProjectKind' })
  kind: ProjectKind;

  @ApiProperty({
    enum: LIFECYCLE_STATUSES,
    enumName: 'LifecycleStatus',
    description:
      'The project’s lifecycle status at the end of the period (from its status reports and change history up to `to`)',
  })
  lifecycleStatus: LifecycleStatus;

  @ApiProperty({
    type: ReportLatestStatus,
    nullable: true,
    description:
      'The project’s latest status report with a reporting date on or before `to` (latest date, then latest ' +
      'written); null when it has none',
  })
  latestReport: ReportLatestStatus | null;
}

export class ReportPriorityArea {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Vesi' })
  nameFi: string;

  @ApiProperty({ type: 'string', nullable: true })
  nameSv: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  nameEn: string | null;

  @ApiProperty({
    type: [HealthCount],
    description: 'The area’s projects by the health of their latest report as of `to` ("none": no report by then)',
  })
  projectsByHealth: HealthCount[];

  @ApiProperty({ type: [ReportProject], description: 'Every project of the area, by code' })
  projects: ReportProject[];

  @ApiProperty({ type: ReportFundingTable, description: 'Funding of the area’s projects by funder and instrument' })
  funding: ReportFundingTable;
}

export class ReportAgreement {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  validFrom: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  validTo: string | null;

  @ApiProperty({ type: OrganisationRef })
  city: OrganisationRef;
}

export class ReportMilestone {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: 'string', format: 'date' })
  dueDate: string;

  @ApiProperty({ enum: MILESTONE_STATUSES, enumName: 'MilestoneStatus', description: 'The current status' })
  status: MilestoneStatus;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  completedOn: string | null;

  @ApiProperty({
    description: 'Overdue as of asOf: due before it, not cancelled and not completed by then',
  })
  overdue: boolean;

  @ApiProperty({ type: ProjectRef })
  project: ProjectRef;

  @ApiProperty({ format: 'uuid' })
  priorityAreaId: string;
}

export class ReportListTotals {
  @ApiProperty({ example: 3 })
  completed: number;

  @ApiProperty({ example: 12 })
  due: number;

  @ApiProperty({ example: 2 })
  overdue: number;
}

export class ReportMilestones {
  @ApiProperty({ type: [ReportMilestone], description: 'Done, with the completion date within the period; by it' })
  completed: ReportMilestone[];

  @ApiProperty({
    type: [ReportMilestone],
    description: 'Due within the period, not cancelled and not completed by asOf; by due date',
  })
  due: ReportMilestone[];

  @ApiProperty({
    type: [ReportMilestone],
    description:
      'Overdue as of asOf (due before it, not cancelled, not completed by then), whenever due; by due date. A ' +
      'milestone due within the period that is overdue is in `due` too.',
  })
  overdue: ReportMilestone[];

  @ApiProperty({
    type: ReportListTotals,
    description:
      'How many milestones each list has in all. A list holds at most `listLimit` of them (the first in its ' +
      'order); the rest are in the milestones list and its CSV export.',
  })
  totals: ReportListTotals;
}

/** A status report of the period, with its project and priority area. */
export class ReportNarrative extends ProjectStatusReportRef {
  @ApiProperty({ type: ProjectRef })
  project: ProjectRef;

  @ApiProperty({ format: 'uuid' })
  priorityAreaId: string;
}

export class AgreementReportResponse {
  @ApiProperty({ type: ReportAgreement })
  agreement: ReportAgreement;

  @ApiProperty({ type: ReportPeriodResponse })
  period: ReportPeriodResponse;

  @ApiProperty({ type: [ReportPriorityArea], description: 'Every priority area of the agreement, by Finnish name' })
  priorityAreas: ReportPriorityArea[];

  @ApiProperty({
    type: ReportFundingTable,
    description: 'Funding decisions for the agreement as a whole (no project), by funder and instrument',
  })
  agreementWideFunding: ReportFundingTable;

  @ApiProperty({
    type: ReportFundingTable,
    description:
      'All the agreement’s funding by funder and instrument. Its total equals the sum of the priority areas’ ' +
      'totals and agreementWideFunding’s total.',
  })
  funding: ReportFundingTable;

  @ApiProperty({ type: ReportMilestones })
  milestones: ReportMilestones;

  @ApiProperty({
    type: [ReportNarrative],
    description:
      'The status reports dated within the period, newest first (date, then latest written): at most ' +
      '`listLimit` of them',
  })
  narratives: ReportNarrative[];

  @ApiProperty({ example: 40, description: 'How many status reports are dated within the period in all' })
  narrativesTotal: number;

  @ApiProperty({
    example: 200,
    description: 'The most items a list of the report holds (milestones, narratives); totals give the full counts',
  })
  listLimit: number;
}

export class NationalReportFigures extends ReportFundingFigures {
  @ApiProperty({ description: 'Projects of the agreement (today’s)' })
  projects: number;

  @ApiProperty({
    type: [HealthCount],
    description: 'Projects by the health of their latest report as of `to` ("none": no report by then)',
  })
  projectsByHealth: HealthCount[];

  @ApiProperty({ description: 'Milestones overdue as of asOf (due before it, not cancelled, not completed by then)' })
  overdueMilestones: number;

  @ApiProperty({
    description:
      'The dashboard’s rule: planned, active or on-hold projects whose latest status report is older than ' +
      '`staleAfterDays` days before today, or that have none',
  })
  projectsNeedingUpdate: number;
}

export class NationalReportAgreement {
  @ApiProperty({ format: 'uuid', description: 'Open its report at /api/reports/agreements/{id}' })
  id: string;

  @ApiProperty()
  title: string;
}

export class NationalReportRow extends NationalReportFigures {
  @ApiProperty({ type: NationalReportAgreement })
  agreement: NationalReportAgreement;

  @ApiProperty({ type: OrganisationRef })
  city: OrganisationRef;
}

export class NationalReportResponse {
  @ApiProperty({ type: ReportPeriodResponse })
  period: ReportPeriodResponse;

  @ApiProperty({ description: 'The threshold of projectsNeedingUpdate, in days' })
  staleAfterDays: number;

  @ApiProperty({
    type: [NationalReportRow],
    description: 'Every agreement the caller may see, by city name then title',
  })
  agreements: NationalReportRow[];

  @ApiProperty({ type: NationalReportFigures, description: 'The sums of the rows (summed by the database)' })
  totals: NationalReportFigures;
}
