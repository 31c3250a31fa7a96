import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LIFECYCLE_TRANSITIONS, normaliseMoney, todayIso } from '@salkku/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, issue, notFound, type FieldIssues } from '../../common/domain-error';
import type { Page, PageQuery } from '../../common/pagination';
import { queryRow, readList } from '../../persistence/sql';
import { assertPeriod, assertTransition } from '../../common/rules';
import { assertVersion } from '../../common/version';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditTrail } from '../audit/audit';
import { Organisation } from '../organisations/organisation.entity';
import type { CreateProjectDto, ProjectPartnerInput } from './dto/create-project.dto';
import type { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectHistoryItemResponse } from './dto/project-history.response';
import { ProjectDetailResponse, ProjectSummaryResponse } from './dto/project.response';
import type { UpdateProjectDto } from './dto/update-project.dto';
import { ProjectPartner } from './project-partner.entity';
import {
  areaInScopeSql,
  type HistoryRow,
  type PartnerRow,
  projectCitySql,
  type ProjectDetailRow,
  projectDetailSql,
  projectHistoryCountSql,
  projectHistorySql,
  type ProjectSummaryRow,
  projectPage,
  projectPartnersSql,
} from './project.queries';
import { Project } from './project.entity';
import { diffPartners, type PartnerState } from './partner-diff';
import { findForUpdateInScope } from '../../persistence/transaction';

const projectAudit = new AuditTrail('project');
const projectPartnerAudit = new AuditTrail('project_partner');

/** Project columns a create or update body may set (everything but partners and version). */
const PROJECT_FIELDS = [
  'priorityAreaId',
  'code',
  'name',
  'summary',
  'kind',
  'leadOrganisationId',
  'plannedStart',
  'plannedEnd',
  'lifecycleStatus',
  'totalBudget',
  'euraCode',
] as const;
type ProjectField = (typeof PROJECT_FIELDS)[number];

type Queryable = Pick<EntityManager, 'query'>;

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayIso(this.config.timeZone);
  }

  async list(query: ListProjectsQuery, actor: Actor): Promise<Page<ProjectSummaryResponse>> {
    return readList<ProjectSummaryRow, ProjectSummaryResponse>(
      this.dataSource,
      query,
      projectPage(actor, query, query.sort, query, this.today()),
      (row) => ProjectSummaryResponse.from(row),
    );
  }

  get(id: string, actor: Actor): Promise<ProjectDetailResponse> {
    return this.loadDetail(this.dataSource, actor, id);
  }

  /**
   * The project's timeline, newest first: its audit events (its own and its partners', funding
   * decisions', payments', milestones' and reports') and its status reports. One statement, or
   * two when the page comes back empty (to tell a missing project from a page past the end).
   */
  async history(id: string, query: PageQuery, actor: Actor): Promise<Page<ProjectHistoryItemResponse>> {
    const page = projectHistorySql(actor, id, query.pageSize, (query.page - 1) * query.pageSize);
    const rows = await this.dataSource.query<HistoryRow[]>(page.sql, page.params);
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0) {
      const count = projectHistoryCountSql(actor, id);
      const [row] = await this.dataSource.query<Array<{ total: number }>>(count.sql, count.params);
      if (!row) throw notFound('Project', id);
      total = row.total;
    }
    return {
      items: rows.map((row) => ProjectHistoryItemResponse.from(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async create(dto: CreateProjectDto, actor: Actor): Promise<ProjectDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const partners = dto.partners ?? [];
      const { areaCityId, areaAgreementId } = await this.checkReferences(manager, actor, {
        priorityAreaId: dto.priorityAreaId,
        leadOrganisationId: dto.leadOrganisationId,
        partners,
      });
      const cityId = areaCityId!;
      assertPeriod({ field: 'plannedStart', date: dto.plannedStart }, { field: 'plannedEnd', date: dto.plannedEnd });
      await this.checkCodeFree(manager, dto.code, areaAgreementId!, null);
      const project = await manager.save(
        manager.create(Project, {
          priorityAreaId: dto.priorityAreaId,
          code: dto.code,
          name: dto.name,
          summary: dto.summary ?? null,
          kind: dto.kind ?? 'other',
          leadOrganisationId: dto.leadOrganisationId,
          plannedStart: dto.plannedStart ?? null,
          plannedEnd: dto.plannedEnd ?? null,
          lifecycleStatus: dto.lifecycleStatus ?? 'planned',
          totalBudget: dto.totalBudget ?? null,
          euraCode: dto.euraCode ?? null,
        }),
      );
      await projectAudit.created(manager, actor, {
        id: project.id,
        after: projectSnapshot(project),
        projectId: project.id,
        cityId,
      });
      if (partners.length > 0) {
        const states = partners.map(partnerState);
        const inserted = await manager.insert(
          ProjectPartner,
          states.map((p) => ({ projectId: project.id, ...p })),
        );
        for (const [i, state] of states.entries()) {
          await projectPartnerAudit.created(manager, actor, {
            id: (inserted.identifiers[i] as { id: string }).id,
            after: partnerSnapshot(project.id, state),
            projectId: project.id,
            cityId,
          });
        }
      }
      return this.loadDetail(manager, actor, project.id);
    });
  }

  update(id: string, dto: UpdateProjectDto, version: number, actor: Actor): Promise<ProjectDetailResponse> {
    return this.dataSource.transaction((manager) => this.updateIn(manager, id, dto, version, actor));
  }

  /** The update within the caller's transaction (a period report's one-form save changes the project's stage with it). */
  async updateIn(
    manager: EntityManager,
    id: string,
    dto: UpdateProjectDto,
    version: number,
    actor: Actor,
  ): Promise<ProjectDetailResponse> {
    const { project, cityId } = await this.lockProject(manager, actor, id);
    assertVersion('Project', project.version, version);

    const { areaAgreementId } = await this.checkReferences(manager, actor, {
      priorityAreaId: dto.priorityAreaId,
      leadOrganisationId: dto.leadOrganisationId,
      partners: dto.partners ?? [],
    });
    // A project stays in its agreement: its funding decisions, payments and history belong to that
    // agreement's city, so a move to another agreement (and so, perhaps, another city) is refused
    // rather than leaving half of them behind. Moving between priority areas of one agreement is fine.
    if (areaAgreementId !== null && areaAgreementId !== project.agreementId) {
      throw new DomainError(
        'RULE_VIOLATION',
        'A project stays in its agreement: choose a priority area of the same agreement',
        {
          priorityAreaId: [issue('agreementFixed', 'the priority area belongs to another agreement than the project')],
        },
      );
    }
    const changes = changedFields(project, dto);
    assertPeriod(
      {
        field: 'plannedStart',
        date: changes.plannedStart !== undefined ? changes.plannedStart : project.plannedStart,
      },
      { field: 'plannedEnd', date: changes.plannedEnd !== undefined ? changes.plannedEnd : project.plannedEnd },
    );
    if (changes.lifecycleStatus !== undefined) {
      assertTransition(LIFECYCLE_TRANSITIONS, project.lifecycleStatus, changes.lifecycleStatus, {
        record: 'project',
        field: 'lifecycleStatus',
      });
    }
    // Codes are unique within an agreement (which the project never leaves).
    if (changes.code !== undefined) await this.checkCodeFree(manager, changes.code, project.agreementId, id);

    const audit = { projectId: id, cityId };
    let partnersChanged = false;
    if (dto.partners) {
      const current = await manager.find(ProjectPartner, { where: { projectId: id } });
      const byId = new Map(current.map((p) => [p.id, p]));
      const diff = diffPartners(current, dto.partners.map(partnerState));
      if (diff.remove.length > 0) {
        await manager.delete(ProjectPartner, { id: In(diff.remove) });
        for (const partnerId of diff.remove) {
          await projectPartnerAudit.deleted(manager, actor, {
            id: partnerId,
            before: partnerSnapshot(id, byId.get(partnerId)!),
            ...audit,
          });
        }
      }
      for (const change of diff.update) {
        await manager.update(ProjectPartner, { id: change.id }, { role: change.role, budgetShare: change.budgetShare });
        const before = byId.get(change.id)!;
        await projectPartnerAudit.updated(manager, actor, {
          id: change.id,
          before: partnerSnapshot(id, before),
          after: partnerSnapshot(id, { ...before, role: change.role, budgetShare: change.budgetShare }),
          ...audit,
        });
      }
      if (diff.insert.length > 0) {
        const inserted = await manager.insert(
          ProjectPartner,
          diff.insert.map((p) => ({ projectId: id, ...p })),
        );
        for (const [i, state] of diff.insert.entries()) {
          await projectPartnerAudit.created(manager, actor, {
            id: (inserted.identifiers[i] as { id: string }).id,
            after: partnerSnapshot(id, state),
            ...audit,
          });
        }
      }
      partnersChanged = diff.remove.length + diff.update.length + diff.insert.length > 0;
    }

    if (Object.keys(changes).length > 0 || partnersChanged) {
      // The version (and updated_at) go up on any change, a partners-only change included.
      await manager.update(Project, { id }, changes);
    }
    // Writes nothing when only the partners changed (their own events say so).
    await projectAudit.updated(manager, actor, {
      id,
      before: projectSnapshot(project),
      after: projectSnapshot({ ...project, ...changes }),
      ...audit,
    });
    return this.loadDetail(manager, actor, id);
  }

  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { project, cityId } = await this.lockProject(manager, actor, id);
      if (version !== undefined) assertVersion('Project', project.version, version);
      const [row] = await manager.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM funding_decisions WHERE project_id = $1',
        [id],
      );
      if (row && row.n > 0) {
        throw new DomainError(
          'IN_USE',
          `Project ${project.code} has ${row.n} funding decision(s); delete or move them first`,
          {
            fundingDecisions: [issue('inUse', `${row.n} funding decision(s) refer to this project`, { count: row.n })],
          },
        );
      }
      // Partners go with the project (ON DELETE CASCADE): each leaves its own event too.
      const partners = await manager.find(ProjectPartner, { where: { projectId: id } });
      await manager.delete(Project, { id });
      for (const partner of partners) {
        await projectPartnerAudit.deleted(manager, actor, {
          id: partner.id,
          before: partnerSnapshot(id, partner),
          projectId: id,
          cityId,
        });
      }
      await projectAudit.deleted(manager, actor, { id, before: projectSnapshot(project), projectId: id, cityId });
    });
  }

  /**
   * Locks the project for update (SELECT … FOR UPDATE) if it is within the actor's scope, with
   * the city of its agreement; a project out of scope is NOT_FOUND, exactly like a missing one.
   */
  private async lockProject(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ project: Project; cityId: string }> {
    const { row, cityId } = await findForUpdateInScope(manager, Project, id, 'Project', actor, (sql) =>
      projectCitySql(sql, id),
    );
    return { project: row, cityId };
  }

  /** The detail in two statements: the project with its aggregates, then its partners. */
  private async loadDetail(db: Queryable, actor: Actor, id: string): Promise<ProjectDetailResponse> {
    const detail = projectDetailSql(actor, id, this.today());
    const [row] = await db.query<ProjectDetailRow[]>(detail.sql, detail.params);
    if (!row) throw notFound('Project', id);
    const partners = projectPartnersSql(id);
    const partnerRows = await db.query<PartnerRow[]>(partners.sql, partners.params);
    return ProjectDetailResponse.fromRows(row, partnerRows);
  }

  /**
   * Related records named in a body must exist: a missing one is a 400 on its field. A priority
   * area of another city than the actor's counts as missing. Returns the agreement of the priority
   * area and its city when one was named.
   */
  private async checkReferences(
    manager: EntityManager,
    actor: Actor,
    refs: { priorityAreaId?: string; leadOrganisationId?: string; partners: ProjectPartnerInput[] },
  ): Promise<{ areaCityId: string | null; areaAgreementId: string | null }> {
    const details: FieldIssues = {};
    const seen = new Map<string, number>();
    refs.partners.forEach((partner, i) => {
      const first = seen.get(partner.organisationId);
      if (first !== undefined) {
        details[`partners.${i}.organisationId`] = [
          issue('duplicate', `the organisation is already a partner (partners.${first})`),
        ];
      } else {
        seen.set(partner.organisationId, i);
      }
    });

    let areaCityId: string | null = null;
    let areaAgreementId: string | null = null;
    if (refs.priorityAreaId !== undefined) {
      const areaId = refs.priorityAreaId;
      const area = await queryRow<{ city_id: string; agreement_id: string }>(manager, (sql) =>
        areaInScopeSql(sql, areaId, actor),
      );
      if (area) {
        areaCityId = area.city_id;
        areaAgreementId = area.agreement_id;
      } else details.priorityAreaId = [issue('notFound', `priority area ${refs.priorityAreaId} does not exist`)];
    }
    const organisationIds = [
      ...new Set([...seen.keys(), ...(refs.leadOrganisationId ? [refs.leadOrganisationId] : [])]),
    ];
    if (organisationIds.length > 0) {
      const found = await manager.find(Organisation, { select: { id: true }, where: { id: In(organisationIds) } });
      const existing = new Set(found.map((o) => o.id));
      if (refs.leadOrganisationId !== undefined && !existing.has(refs.leadOrganisationId)) {
        details.leadOrganisationId = [issue('notFound', `organisation ${refs.leadOrganisationId} does not exist`)];
      }
      refs.partners.forEach((partner, i) => {
        if (!existing.has(partner.organisationId)) {
          details[`partners.${i}.organisationId`] = [
            issue('notFound', `organisation ${partner.organisationId} does not exist`),
          ];
        }
      });
    }
    if (Object.keys(details).length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'The request refers to records that do not exist', details);
    }
    return { areaCityId, areaAgreementId };
  }

  /** A project code is unique within its agreement (another city's agreement may use it too). */
  private async checkCodeFree(
    manager: EntityManager,
    code: string,
    agreementId: string,
    exceptId: string | null,
  ): Promise<void> {
    const other = await manager.findOne(Project, { select: { id: true }, where: { code, agreementId } });
    if (other && other.id !== exceptId) {
      throw new DomainError('DUPLICATE', `Another project of the agreement already has the code ${code}`, {
        code: [issue('duplicate', 'another project of the agreement already has this code')],
      });
    }
  }
}

function partnerState(input: ProjectPartnerInput): PartnerState {
  return {
    organisationId: input.organisationId,
    role: input.role ?? null,
    budgetShare: input.budgetShare == null ? null : normaliseMoney(input.budgetShare),
  };
}

/** The audited columns of a project (money and dates as their exact strings). */
function projectSnapshot(project: Pick<Project, ProjectField>): Record<ProjectField, unknown> {
  const snapshot = {} as Record<ProjectField, unknown>;
  for (const field of PROJECT_FIELDS) snapshot[field] = project[field];
  if (project.totalBudget !== null && project.totalBudget !== undefined) {
    snapshot.totalBudget = normaliseMoney(project.totalBudget);
  }
  return snapshot;
}

/** The audited columns of a project partner. */
function partnerSnapshot(projectId: string, partner: PartnerState): Record<string, unknown> {
  return {
    projectId,
    organisationId: partner.organisationId,
    role: partner.role,
    budgetShare: partner.budgetShare === null ? null : normaliseMoney(partner.budgetShare),
  };
}

/** The fields of the body whose values differ from the stored project (money compared exactly). */
function changedFields(project: Project, dto: UpdateProjectDto): Partial<Pick<Project, ProjectField>> {
  const changes: Record<string, unknown> = {};
  for (const field of PROJECT_FIELDS) {
    let value = dto[field];
    if (value === undefined) continue;
    if (field === 'totalBudget' && value !== null) value = normaliseMoney(value);
    const stored =
      field === 'totalBudget' && project.totalBudget !== null ? normaliseMoney(project.totalBudget) : project[field];
    if (value !== stored) changes[field] = value;
  }
  return changes;
}
