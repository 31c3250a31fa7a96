import { RoundResponse } from '../../reporting-rounds/dto/round.response';
import { ApiProperty } from '@nestjs/swagger';
import { HEALTH_VALUES, LIFECYCLE_STATUSES, type Health, type LifecycleStatus } from '@salkku/shared';
import { OrganisationRef, ProjectRef } from '../../../common/responses';

export const HEALTH_BUCKETS = [...HEALTH_VALUES, 'none'] as const;
export type HealthBucket = Health | 'none';

export class LifecycleCount {
  @ApiProperty({ enum: LIFECYCLE_STATUSES, enumName: 'LifecycleStatus' })
  lifecycleStatus: LifecycleStatus;

  @ApiProperty()
  count: number;
}

export class HealthCount {
  @ApiProperty({
    enum: HEALTH_BUCKETS,
    enumName: 'HealthFilter',
    description: 'Health of the project’s latest status report, "none" when it has no report',
  })
  health: HealthBucket;

  @ApiProperty()
  count: number;
}

export class DashboardPriorityAreaRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Vesi' })
  nameFi: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'Vatten' })
  nameSv: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'Water' })
  nameEn: string | null;
}

export class FundingFigures {
  @ApiProperty({ example: '150000.00', description: 'Sum granted by granted and amended funding decisions' })
  granted: string;

  @ApiProperty({ example: '50000.00', description: 'Sum paid under those decisions' })
  paid: string;

  @ApiProperty({ example: '100000.00', description: 'granted − paid' })
  remaining: string;

  @ApiProperty({
    example: 0,
    description:
      'Granted or amended decisions whose amount is not known: not in `granted`, so the true total is higher',
  })
  unknownAmounts: number;
}

export class FundingByPriorityArea extends FundingFigures {
  @ApiProperty({ type: DashboardPriorityAreaRef })
  priorityArea: DashboardPriorityAreaRef;
}

export class FundingByFunder extends FundingFigures {
  @ApiProperty({ type: OrganisationRef })
  funder: OrganisationRef;
}

export class DashboardMilestone {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: 'string', format: 'date' })
  dueDate: string;

  @ApiProperty({ type: ProjectRef })
  project: ProjectRef;
}

export class ProjectNeedingUpdate {
  @ApiProperty({ type: ProjectRef })
  project: ProjectRef;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'null when it has no report at all' })
  latestReportingDate: string | null;
}

export class DashboardStatusReport {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date' })
  reportingDate: string;

  @ApiProperty({ enum: HEALTH_VALUES, enumName: 'Health' })
  health: Health;

  @ApiProperty()
  summary: string;

  @ApiProperty({ type: ProjectRef })
  project: ProjectRef;
}

/**
 * The figures at the top of the dashboard, each the count or sum behind one of its sections:
 * read in the same statements as those sections, so they always agree with them.
 */
export class DashboardHeadline {
  @ApiProperty({ description: 'Projects whose lifecycle status is active (the "active" row of projectsByLifecycle)' })
  activeProjects: number;

  @ApiProperty({ description: 'Projects whose latest report is at risk (the "at_risk" row of projectsByHealth)' })
  atRisk: number;

  @ApiProperty({ description: 'Projects whose latest report is off track (the "off_track" row of projectsByHealth)' })
  offTrack: number;

  @ApiProperty({
    type: FundingFigures,
    description: 'Every payable decision in view, agreement-level ones too: the sum of fundingByFunder',
  })
  funding: FundingFigures;

  @ApiProperty({ description: 'Every open milestone past its due date (overdueMilestones lists at most 50)' })
  overdueMilestones: number;

  @ApiProperty({ description: 'Every open milestone due within `days` (milestonesDueSoon lists at most 50)' })
  milestonesDueSoon: number;

  @ApiProperty({
    description: 'Reports not yet submitted (owed, draft or returned) in the open rounds of openRounds',
  })
  reportsOutstanding: number;

  @ApiProperty({ description: 'Of those, the ones past their round’s due date' })
  reportsOverdue: number;
}

export class DashboardResponse {
  @ApiProperty({ type: DashboardHeadline })
  headline: DashboardHeadline;

  @ApiProperty({ type: 'string', format: 'date', description: 'The day the figures were computed for' })
  today: string;

  @ApiProperty({ type: [LifecycleCount], description: 'Every lifecycle status, zero counts included' })
  projectsByLifecycle: LifecycleCount[];

  @ApiProperty({ type: [HealthCount], description: 'Every health value and "none", zero counts included' })
  projectsByHealth: HealthCount[];

  @ApiProperty({ type: [FundingByPriorityArea], description: 'Decisions on projects, by the project’s priority area' })
  fundingByPriorityArea: FundingByPriorityArea[];

  @ApiProperty({
    type: [FundingByFunder],
    description: 'All decisions (agreement-level ones too, unless a priority area is chosen), by funder',
  })
  fundingByFunder: FundingByFunder[];

  @ApiProperty({
    type: [DashboardMilestone],
    description: 'Open milestones due within `days`, at most 50, by due date',
  })
  milestonesDueSoon: DashboardMilestone[];

  @ApiProperty({
    type: [DashboardMilestone],
    description: 'Open milestones past their due date, at most 50, by due date',
  })
  overdueMilestones: DashboardMilestone[];

  @ApiProperty({
    type: [ProjectNeedingUpdate],
    description:
      'Planned, active or on-hold projects whose latest report is older than `staleAfterDays`, or that have none; at most 50, oldest first',
  })
  projectsNeedingUpdate: ProjectNeedingUpdate[];

  @ApiProperty({ type: [DashboardStatusReport], description: 'The 10 newest status reports' })
  latestReports: DashboardStatusReport[];

  @ApiProperty({
    type: [RoundResponse],
    description:
      'Open reporting rounds with their progress (owed, draft, submitted, returned, approved, overdue), the earliest due first, at most 20',
  })
  openRounds: RoundResponse[];
}
