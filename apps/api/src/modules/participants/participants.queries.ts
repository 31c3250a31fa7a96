import { ENTERPRISE_KIND } from '@salkku/shared';
import { escapeLiteral } from 'pg';
import type { Actor } from '../../common/actor';
import { SortColumns, throughProject, where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListParticipantsQuery } from './dto/list-participants.query';

/**
 * The SQL of the participant register: the list's filters and sort (the list and the CSV export)
 * and a participant's columns. A participant's city is its project's agreement's city.
 */

export const PARTICIPANT_SORT = new SortColumns(
  {
    organisation: 'o.name',
    role: 'pt.role',
    startsOn: 'pt.starts_on',
    endsOn: 'pt.ends_on',
    supportAmount: 'pt.support_amount',
    createdAt: 'pt.created_at',
  },
  'organisation',
  'pt.id',
);

/**
 * "Flagged": a company (an enterprise) without a business ID. It still counts as an enterprise,
 * but nothing tells it apart from the same company recorded twice. The one definition of the
 * rule: the response's `flagged`, the list's filter and the export take it from here.
 */
export const FLAGGED_SQL = `(o.kind = ${escapeLiteral(ENTERPRISE_KIND)} AND o.business_id IS NULL)`;

/** The organisation (`o`) of a participant (`pt`). */
const ORGANISATION_JOIN = 'JOIN organisations o ON o.id = pt.organisation_id';

/** The columns of a participant response (project and organisation joined). */
export const PARTICIPANT_COLUMNS = `
  pt.id, pt.project_id AS "projectId", p.code AS "projectCode", p.name AS "projectName",
  o.id AS "organisationId", o.name AS "organisationName", o.kind AS "organisationKind",
  o.business_id AS "businessId", pt.role, pt.starts_on AS "startsOn", pt.ends_on AS "endsOn",
  pt.support_kind AS "supportKind", pt.support_amount AS "supportAmount", ${FLAGGED_SQL} AS flagged,
  pt.version, pt.created_at AS "createdAt", pt.updated_at AS "updatedAt"`;

/** The list's filters and sort (the CSV export takes the same). */
export type ParticipantFilters = Omit<ListParticipantsQuery, 'page' | 'pageSize'>;

/**
 * FROM … WHERE … of the participants (`pt`, organisation `o`, project `p`, area `pa`,
 * agreement `a`) matching the filters in the actor's scope.
 */
export function participantsFrom(sql: Sql, filters: ParticipantFilters, actor: Actor, joins = ''): string {
  return `FROM participants pt ${ORGANISATION_JOIN} ${throughProject('pt.project_id')} ${joins} WHERE ${where([
    sql.scope(actor, 'a.city_id'),
    sql.equals('pa.agreement_id', filters.agreementId),
    sql.equals('pt.project_id', filters.projectId),
    sql.equals('pt.organisation_id', filters.organisationId),
    sql.equals('pt.role', filters.role),
    filters.flagged !== undefined && `${filters.flagged ? '' : 'NOT '}${FLAGGED_SQL}`,
    sql.contains(['o.name'], filters.q),
  ])}`;
}

/** One participant in the actor's scope. */
export function participantSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${PARTICIPANT_COLUMNS} FROM participants pt ${ORGANISATION_JOIN} ${throughProject('pt.project_id')}
    WHERE pt.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The list's page and count statements. */
export function participantList(query: ListParticipantsQuery, actor: Actor): PageStatements {
  return plainList(
    PARTICIPANT_COLUMNS,
    (sql) => participantsFrom(sql, query, actor),
    PARTICIPANT_SORT.orderBy(query.sort),
    query,
  );
}
