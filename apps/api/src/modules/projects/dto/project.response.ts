import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import {
  HEALTH_VALUES,
  LIFECYCLE_STATUSES,
  LIFECYCLE_TRANSITIONS,
  ORGANISATION_KINDS,
  PROJECT_KINDS,
  type Health,
  type LifecycleStatus,
  type OrganisationKind,
  type ProjectKind,
} from '@salkku/shared';
import { OrganisationRef, RecordResponseOnly, RecordResponseWithout } from '../../../common/responses';
import type { PartnerRow, ProjectDetailRow, ProjectSummaryRow } from '../project.queries';

export class ProjectPriorityAreaRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty({ example: 'Vesi' })
  nameFi: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'Vatten' })
  nameSv: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'Water' })
  nameEn: string | null;
}

export class PartnerOrganisationRef extends OrganisationRef {
  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  kind: OrganisationKind;
}

export class ProjectFundingSummary {
  @ApiProperty({ example: '3000.30', description: 'Sum granted by the granted and amended funding decisions' })
  granted: string;

  @ApiProperty({ example: '0.30', description: 'Sum paid under those decisions' })
  paid: string;

  @ApiProperty({ example: '3000.00', description: 'granted − paid' })
  remaining: string;

  @ApiProperty({
    example: 0,
    description:
      'Granted or amended decisions whose amount is not known (not public yet): they are not in `granted`, so the true total is higher',
  })
  unknownAmounts: number;
}

export class ProjectLatestStatus {
  @ApiProperty({ type: 'string', format: 'date' })
  reportingDate: string;

  @ApiProperty({ enum: HEALTH_VALUES, enumName: 'Health' })
  health: Health;
}

export class ProjectMilestoneRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: 'string', format: 'date' })
  dueDate: string;
}

/**
 * A row of the project list: the project with its funding, latest health and milestones. The
 * list leaves out createdAt; the detail has it.
 */
export class ProjectSummaryResponse extends RecordResponseWithout('createdAt') {
  @ApiProperty({ example: 'VESI-KH' })
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PROJECT_KINDS, enumName: 'ProjectKind' })
  kind: ProjectKind;

  @ApiProperty({ enum: LIFECYCLE_STATUSES, enumName: 'LifecycleStatus' })
  lifecycleStatus: LifecycleStatus;

  @ApiProperty({ type: ProjectPriorityAreaRef })
  priorityArea: ProjectPriorityAreaRef;

  @ApiProperty({ type: OrganisationRef })
  leadOrganisation: OrganisationRef;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  plannedStart: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  plannedEnd: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '450000.00' })
  totalBudget: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'Project code in EURA 2021' })
  euraCode: string | null;

  @ApiProperty({ type: ProjectFundingSummary })
  funding: ProjectFundingSummary;

  @ApiProperty({ type: ProjectLatestStatus, nullable: true, description: 'Of the latest status report, if any' })
  latestStatus: ProjectLatestStatus | null;

  @ApiProperty({
    type: ProjectMilestoneRef,
    nullable: true,
    description: 'The open milestone (not done or cancelled) with the earliest due date',
  })
  nextMilestone: ProjectMilestoneRef | null;

  @ApiProperty({ description: 'Open milestones whose due date is before today' })
  overdueMilestones: number;

  @ApiProperty({
    description:
      'A period report of the project is overdue: owed, draft or returned in an open reporting round past its due date',
  })
  overdueReport: boolean;

  static from(row: ProjectSummaryRow): ProjectSummaryResponse {
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind,
      lifecycleStatus: row.lifecycle_status,
      priorityArea: {
        id: row.priority_area_id,
        agreementId: row.agreement_id,
        nameFi: row.priority_area_name_fi,
        nameSv: row.priority_area_name_sv,
        nameEn: row.priority_area_name_en,
      },
      leadOrganisation: { id: row.lead_organisation_id, name: row.lead_organisation_name },
      plannedStart: row.planned_start,
      plannedEnd: row.planned_end,
      totalBudget: row.total_budget,
      euraCode: row.eura_code,
      funding: {
        granted: row.funding_granted,
        paid: row.funding_paid,
        remaining: row.funding_remaining,
        unknownAmounts: row.funding_unknown_amounts,
      },
      latestStatus:
        row.latest_reporting_date !== null && row.latest_health !== null
          ? { reportingDate: row.latest_reporting_date, health: row.latest_health }
          : null,
      nextMilestone:
        row.next_milestone_id !== null
          ? { id: row.next_milestone_id, title: row.next_milestone_title!, dueDate: row.next_milestone_due_date! }
          : null,
      overdueMilestones: row.overdue_milestones,
      overdueReport: row.overdue_report,
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
    };
  }
}

export class ProjectPartnerResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: PartnerOrganisationRef })
  organisation: PartnerOrganisationRef;

  @ApiProperty({ type: 'string', nullable: true })
  role: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '15000.00' })
  budgetShare: string | null;

  @ApiProperty()
  version: number;

  static from(row: PartnerRow): ProjectPartnerResponse {
    return {
      id: row.id,
      organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind },
      role: row.role,
      budgetShare: row.budget_share,
      version: row.version,
    };
  }
}

export class ProjectStatusReportRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date' })
  reportingDate: string;

  @ApiProperty({ enum: HEALTH_VALUES, enumName: 'Health' })
  health: Health;

  @ApiProperty({ enum: LIFECYCLE_STATUSES, enumName: 'LifecycleStatus', description: 'When the report was written' })
  lifecycleStatus: LifecycleStatus;

  @ApiProperty()
  summary: string;

  @ApiProperty({ type: 'string', nullable: true })
  risks: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  nextSteps: string | null;

  @ApiProperty()
  author: string;
}

/** One project with everything the project page shows: the summary, createdAt and more. */
export class ProjectDetailResponse extends IntersectionType(ProjectSummaryResponse, RecordResponseOnly('createdAt')) {
  @ApiProperty({ type: 'string', nullable: true })
  summary: string | null;

  @ApiProperty({ type: [ProjectPartnerResponse] })
  partners: ProjectPartnerResponse[];

  @ApiProperty({ type: ProjectStatusReportRef, nullable: true })
  latestStatusReport: ProjectStatusReportRef | null;

  @ApiProperty({
    enum: LIFECYCLE_STATUSES,
    enumName: 'LifecycleStatus',
    isArray: true,
    description: 'Lifecycle statuses the project may move to next',
  })
  allowedTransitions: LifecycleStatus[];

  static fromRows(row: ProjectDetailRow, partners: PartnerRow[]): ProjectDetailResponse {
    return {
      ...ProjectSummaryResponse.from(row),
      summary: row.summary,
      partners: partners.map((partner) => ProjectPartnerResponse.from(partner)),
      latestStatusReport:
        row.latest_report_id !== null
          ? {
              id: row.latest_report_id,
              reportingDate: row.latest_reporting_date!,
              health: row.latest_health!,
              lifecycleStatus: row.latest_report_lifecycle_status!,
              summary: row.latest_report_summary!,
              risks: row.latest_report_risks,
              nextSteps: row.latest_report_next_steps,
              author: row.latest_report_author!,
            }
          : null,
      allowedTransitions: [...LIFECYCLE_TRANSITIONS[row.lifecycle_status]],
      createdAt: row.created_at.toISOString(),
    };
  }
}
