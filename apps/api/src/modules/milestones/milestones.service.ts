import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CLOSED_MILESTONE_STATUSES,
  canTransition,
  MILESTONE_TRANSITIONS,
  nextStatuses,
  todayIso,
  type MilestoneStatus,
} from '@salkku/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, invalid, notFound } from '../../common/domain-error';
import { applySort, likePattern, sortOrder, type Page } from '../../common/pagination';
import { findForUpdate } from '../../common/transaction';
import { assertVersion } from '../../common/version';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PriorityArea } from '../priority-areas/priority-area.entity';
import { Project } from '../projects/project.entity';
import type { CreateMilestoneDto } from './dto/create-milestone.dto';
import type { ListMilestonesQuery } from './dto/list-milestones.query';
import { MilestoneResponse, type MilestoneRow } from './dto/milestone.response';
import type { UpdateMilestoneDto } from './dto/update-milestone.dto';
import { Milestone } from './milestone.entity';

const SORT_COLUMNS = { dueDate: 'm.due_date', title: 'm.title', status: 'm.status', createdAt: 'm.created_at' };

/** The columns of a milestone response, selected explicitly (one statement, project joined). */
const COLUMNS: Array<[string, keyof MilestoneRow]> = [
  ['m.id', 'id'],
  ['m.project_id', 'projectId'],
  ['p.code', 'projectCode'],
  ['p.name', 'projectName'],
  ['m.title', 'title'],
  ['m.description', 'description'],
  ['m.due_date', 'dueDate'],
  ['m.status', 'status'],
  ['m.completed_on', 'completedOn'],
  ['m.version', 'version'],
  ['m.created_at', 'createdAt'],
  ['m.updated_at', 'updatedAt'],
];

interface ProjectRef {
  id: string;
  code: string;
  name: string;
}

@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Today in Salkku's time zone: decides "overdue" and bounds completion dates. */
  private today(): string {
    return todayIso(this.config.timeZone);
  }

  async list(query: ListMilestonesQuery): Promise<Page<MilestoneResponse>> {
    if (query.dueFrom && query.dueTo && query.dueFrom > query.dueTo) {
      throw invalid('dueTo', 'dueTo must be on or after dueFrom');
    }
    const today = this.today();
    const filtered = this.dataSource.createQueryBuilder().from(Milestone, 'm');
    if (query.agreementId) {
      filtered
        .innerJoin(Project, 'fp', 'fp.id = m.project_id')
        .innerJoin(PriorityArea, 'fpa', 'fpa.id = fp.priority_area_id')
        .andWhere('fpa.agreement_id = :agreementId', { agreementId: query.agreementId });
    }
    if (query.projectId) filtered.andWhere('m.project_id = :projectId', { projectId: query.projectId });
    if (query.status) filtered.andWhere('m.status = :status', { status: query.status });
    if (query.overdue !== undefined) {
      const overdue = 'm.due_date < :today AND m.status NOT IN (:...closed)';
      filtered.andWhere(query.overdue ? `(${overdue})` : `NOT (${overdue})`, {
        today,
        closed: [...CLOSED_MILESTONE_STATUSES],
      });
    }
    if (query.dueFrom) filtered.andWhere('m.due_date >= :dueFrom', { dueFrom: query.dueFrom });
    if (query.dueTo) filtered.andWhere('m.due_date <= :dueTo', { dueTo: query.dueTo });
    if (query.q) filtered.andWhere('m.title ILIKE :q', { q: likePattern(query.q) });

    const page = selectColumns(filtered.clone()).addSelect('count(*) OVER ()', 'total');
    applySort(page, sortOrder(query.sort, SORT_COLUMNS, 'dueDate', 'm.id'))
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize);
    const rows = await page.getRawMany<MilestoneRow & { total: string }>();
    // The window count rides on the rows; only a page past the end needs a count of its own.
    const total = rows[0] ? Number(rows[0].total) : query.page > 1 ? await filtered.getCount() : 0;
    return {
      items: rows.map((row) => MilestoneResponse.from(row, today)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string): Promise<MilestoneResponse> {
    const row = await this.findRow(this.dataSource.manager, id);
    if (!row) throw notFound('Milestone', id);
    return MilestoneResponse.from(row, this.today());
  }

  async create(dto: CreateMilestoneDto, _actor: Actor): Promise<MilestoneResponse> {
    const today = this.today();
    const status = dto.status ?? 'planned';
    const completedOn = resolveCompletedOn(null, null, status, dto.completedOn, today);
    return this.dataSource.transaction(async (manager) => {
      const project = await lockProject(manager, dto.projectId);
      const saved = await manager.save(
        manager.create(Milestone, {
          projectId: project.id,
          title: dto.title,
          description: dto.description ?? null,
          dueDate: dto.dueDate,
          status,
          completedOn,
        }),
      );
      return MilestoneResponse.from(toRow(saved, project), today);
    });
  }

  async update(id: string, dto: UpdateMilestoneDto, version: number, _actor: Actor): Promise<MilestoneResponse> {
    for (const field of ['title', 'dueDate', 'status'] as const) {
      if (dto[field] === null) throw invalid(field, `${field} cannot be empty`);
    }
    const today = this.today();
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, Milestone, id, 'Milestone');
      assertVersion('Milestone', row.version, version);
      const status = dto.status ?? row.status;
      if (!canTransition(MILESTONE_TRANSITIONS, row.status, status)) {
        const allowed = nextStatuses(MILESTONE_TRANSITIONS, row.status);
        throw new DomainError('ILLEGAL_TRANSITION', `A milestone cannot move from ${row.status} to ${status}`, {
          status: [`from ${row.status} a milestone may move to: ${allowed.length ? allowed.join(', ') : 'nothing'}`],
        });
      }
      row.completedOn = resolveCompletedOn(row.status, row.completedOn, status, dto.completedOn, today);
      row.status = status;
      if (dto.title !== undefined) row.title = dto.title;
      if (dto.description !== undefined) row.description = dto.description;
      if (dto.dueDate !== undefined) row.dueDate = dto.dueDate;
      const saved = await manager.save(row);
      const project = await manager
        .createQueryBuilder(Project, 'p')
        .select(['p.id', 'p.code', 'p.name'])
        .where('p.id = :id', { id: saved.projectId })
        .getOneOrFail();
      return MilestoneResponse.from(toRow(saved, project), today);
    });
  }

  async remove(id: string, version: number | undefined, _actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, Milestone, id, 'Milestone');
      if (version !== undefined) assertVersion('Milestone', row.version, version);
      await manager.delete(Milestone, { id });
    });
  }

  private findRow(manager: EntityManager, id: string): Promise<MilestoneRow | undefined> {
    return selectColumns(manager.createQueryBuilder().from(Milestone, 'm'))
      .where('m.id = :id', { id })
      .getRawOne<MilestoneRow>();
  }
}

function selectColumns<Q extends SelectQueryBuilder<object>>(qb: Q): Q {
  qb.innerJoin(Project, 'p', 'p.id = m.project_id').select([]);
  for (const [column, alias] of COLUMNS) qb.addSelect(column, alias);
  return qb;
}

/** The milestone's project, locked against deletion until the write commits; a missing one is a 400. */
async function lockProject(manager: EntityManager, projectId: string): Promise<ProjectRef> {
  const project = await manager
    .createQueryBuilder(Project, 'p')
    .select(['p.id', 'p.code', 'p.name'])
    .where('p.id = :projectId', { projectId })
    .setLock('pessimistic_read')
    .getOne();
  if (!project) throw invalid('projectId', `project ${projectId} does not exist`);
  return project;
}

function toRow(milestone: Milestone, project: ProjectRef): MilestoneRow {
  return { ...milestone, projectCode: project.code, projectName: project.name };
}

/**
 * The completion date after a change: required exactly while the status is done (today when the
 * milestone becomes done without one), never in the future, cleared when the status leaves done.
 */
function resolveCompletedOn(
  previousStatus: MilestoneStatus | null,
  previous: string | null,
  status: MilestoneStatus,
  sent: string | null | undefined,
  today: string,
): string | null {
  if (status !== 'done') {
    if (typeof sent === 'string') {
      throw invalid('completedOn', `completedOn can be given only with status done (the status is ${status})`);
    }
    return null;
  }
  if (sent === null) {
    throw invalid('completedOn', 'a done milestone needs its completion date (leave completedOn out to use today)');
  }
  if (sent !== undefined) {
    if (sent > today) throw invalid('completedOn', `completedOn cannot be in the future (today is ${today})`);
    return sent;
  }
  return previousStatus === 'done' && previous !== null ? previous : today;
}
