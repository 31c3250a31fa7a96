import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { invalid, notFound } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { assertPeriod } from '../../common/rules';
import { assertVersion } from '../../common/version';
import { queryRow, readList } from '../../persistence/sql';
import { findForUpdate } from '../../persistence/transaction';
import { AuditTrail } from '../audit/audit';
import { organisationKindSql } from '../organisations/organisations.queries';
import { projectForChildSql, type ProjectForChild } from '../projects/project.queries';
import type { CreateParticipantDto } from './dto/create-participant.dto';
import type { ListParticipantsQuery } from './dto/list-participants.query';
import { ParticipantResponse, type ParticipantRow } from './dto/participant.response';
import type { UpdateParticipantDto } from './dto/update-participant.dto';
import { Participant } from './participant.entity';
import { participantList, participantSql } from './participants.queries';

const participantAudit = new AuditTrail('participant');

/** The audited columns of a participation: plain values, dates and amounts as their exact strings. */
function snapshot(p: Participant): Record<string, unknown> {
  return {
    projectId: p.projectId,
    organisationId: p.organisationId,
    role: p.role,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    supportKind: p.supportKind,
    supportAmount: p.supportAmount,
  };
}

/**
 * The participant register: which organisations take part in a project, in what role, when, and
 * with what support. The derived indicators count enterprises from it. Scope: the project's
 * agreement's city, as for milestones.
 */
@Injectable()
export class ParticipantsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListParticipantsQuery, actor: Actor): Promise<Page<ParticipantResponse>> {
    return readList(this.dataSource, query, participantList(query, actor), (row: ParticipantRow) =>
      ParticipantResponse.from(row),
    );
  }

  async get(id: string, actor: Actor): Promise<ParticipantResponse> {
    const row = await queryRow<ParticipantRow>(this.dataSource, (sql) => participantSql(sql, id, actor));
    if (!row) throw notFound('Participant', id);
    return ParticipantResponse.from(row);
  }

  async create(dto: CreateParticipantDto, actor: Actor): Promise<ParticipantResponse> {
    assertPeriod({ field: 'startsOn', date: dto.startsOn }, { field: 'endsOn', date: dto.endsOn });
    return this.dataSource.transaction(async (manager) => {
      const project = await lockProject(manager, dto.projectId, actor);
      await lockOrganisation(manager, dto.organisationId);
      // A second row for the same organisation in the project is refused by UQ_participants_project_organisation
      // (409 DUPLICATE on organisationId).
      const saved = await manager.save(
        manager.create(Participant, {
          projectId: project.id,
          organisationId: dto.organisationId,
          role: dto.role,
          startsOn: dto.startsOn ?? null,
          endsOn: dto.endsOn ?? null,
          supportKind: dto.supportKind ?? null,
          supportAmount: dto.supportAmount ?? null,
        }),
      );
      await participantAudit.created(manager, actor, {
        id: saved.id,
        after: snapshot(saved),
        projectId: project.id,
        cityId: project.cityId,
      });
      return readBack(manager, saved.id, actor);
    });
  }

  async update(id: string, dto: UpdateParticipantDto, version: number, actor: Actor): Promise<ParticipantResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { row, project } = await lockParticipant(manager, id, actor);
      assertVersion('Participant', row.version, version);
      const before = snapshot(row);
      if (dto.organisationId !== undefined && dto.organisationId !== row.organisationId) {
        await lockOrganisation(manager, dto.organisationId);
        row.organisationId = dto.organisationId;
      }
      if (dto.role !== undefined) row.role = dto.role;
      if (dto.startsOn !== undefined) row.startsOn = dto.startsOn;
      if (dto.endsOn !== undefined) row.endsOn = dto.endsOn;
      if (dto.supportKind !== undefined) row.supportKind = dto.supportKind;
      if (dto.supportAmount !== undefined) row.supportAmount = dto.supportAmount;
      // The period as it will be stored: a change of one end is checked against the other.
      assertPeriod({ field: 'startsOn', date: row.startsOn }, { field: 'endsOn', date: row.endsOn });
      const saved = await manager.save(row);
      await participantAudit.updated(manager, actor, {
        id: saved.id,
        before,
        after: snapshot(saved),
        projectId: project.id,
        cityId: project.cityId,
      });
      return readBack(manager, saved.id, actor);
    });
  }

  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { row, project } = await lockParticipant(manager, id, actor);
      if (version !== undefined) assertVersion('Participant', row.version, version);
      await manager.delete(Participant, { id });
      await participantAudit.deleted(manager, actor, {
        id,
        before: snapshot(row),
        projectId: project.id,
        cityId: project.cityId,
      });
    });
  }
}

/**
 * The participation locked for a write (FOR UPDATE of its row only), with its project and city.
 * Missing and out-of-scope participations alike are NOT_FOUND.
 */
async function lockParticipant(
  manager: EntityManager,
  id: string,
  actor: Actor,
): Promise<{ row: Participant; project: ProjectForChild }> {
  const row = await findForUpdate(manager, Participant, id, 'Participant');
  // The project's row is not locked: the participant's lock keeps it (ON DELETE CASCADE waits).
  const project = await queryRow<ProjectForChild>(manager, (sql) =>
    projectForChildSql(sql, row.projectId, actor, false),
  );
  if (!project) throw notFound('Participant', id);
  return { row, project };
}

/**
 * The participation's project, locked against deletion until the write commits (FOR SHARE of the
 * project row). A missing project, or one outside the actor's city scope, is a 400 on projectId.
 */
async function lockProject(manager: EntityManager, projectId: string, actor: Actor): Promise<ProjectForChild> {
  const project = await queryRow<ProjectForChild>(manager, (sql) => projectForChildSql(sql, projectId, actor));
  if (!project) throw invalid('projectId', 'notFound', `project ${projectId} does not exist`);
  return project;
}

/** The organisation taking part, kept from deletion until the write commits; a missing one is a 400 on organisationId. */
async function lockOrganisation(manager: EntityManager, organisationId: string): Promise<void> {
  const found = await queryRow<{ kind: string }>(manager, (sql) =>
    organisationKindSql(sql, organisationId, 'FOR KEY SHARE'),
  );
  if (!found) throw invalid('organisationId', 'notFound', `organisation ${organisationId} does not exist`);
}

/** The participation as the API answers it, read inside the write's transaction. */
async function readBack(manager: EntityManager, id: string, actor: Actor): Promise<ParticipantResponse> {
  const row = await queryRow<ParticipantRow>(manager, (sql) => participantSql(sql, id, actor));
  if (!row) throw notFound('Participant', id);
  return ParticipantResponse.from(row);
}
