import {
  CLOSED_MILESTONE_STATUSES,
  DERIVATION_SUPPORT_KINDS,
  ENTERPRISE_KIND,
  INDICATOR_DERIVATIONS,
  PAYABLE_DECISION_STATUSES,
  RESEARCH_ORGANISATION_KINDS,
} from '@salkku/shared';
import type { Sql } from '../../persistence/sql';
import { statement, type Statement } from '../../persistence/sql';

/**
 * The SQL home of the facts the database keeps (project_facts, funding_decision_facts,
 * milestone_month_facts; see the
 * PortfolioFacts migration and the entities beside this file) for the application: the check
 * that every stored fact equals a recomputation from the base tables, and the rebuild.
 *
 * The recomputation here is the project list's definition written once more on purpose, with the
 * shared vocabulary as parameters (PAYABLE_DECISION_STATUSES, CLOSED_MILESTONE_STATUSES), never
 * the literals of the trigger functions: if the triggers and the vocabulary ever part (a status
 * added to one and not the other), the check reports every fact that differs. It is set-based
 * (one pass over each table, no per-project lookups), so it checks a national portfolio in one
 * statement.
 */

/** What a fact is about. */
export type FactEntity =
  'project' | 'funding_decision' | 'agreement_month' | 'indicator_period' | 'indicator_target' | 'indicator_enterprise';

/**
 * One stored fact that differs from its recomputation. `fact` is the facts table's column, or
 * `row` when the facts row itself is missing (stored null, recomputed "present"). Values are text
 * (amounts with two decimals, ISO dates, ids) so that every fact fits one shape.
 */
export interface FactDriftRow {
  entity: FactEntity;
  id: string;
  fact: string;
  stored: string | null;
  recomputed: string | null;
}

/**
 * Every stored fact that differs from a recomputation from the base tables (none when the facts
 * are right), ordered by entity, id and fact. The definitions are the project list's:
 * - latest report: latest reporting date, then latest created, then the greatest id;
 * - funding: over the project's decisions in PAYABLE_DECISION_STATUSES, granted summed (an
 *   unknown amount counted apart), paid summed from the payments themselves;
 * - next milestone: not in CLOSED_MILESTONE_STATUSES, earliest due, then earliest created, then id;
 * - a decision's payments: summed, with the first and last payment dates; its agreement, project,
 *   funder, amount and date copied, payable when its status is in PAYABLE_DECISION_STATUSES;
 * - a project's agreement, priority area and stage copied;
 * - per agreement and month (id `agreement:YYYY-MM-01`): the milestones not in
 *   CLOSED_MILESTONE_STATUSES due that month (a missing row counts as 0);
 * - per indicator, agreement, group and period (id `indicator:agreement:group:period`, the group
 *   a priority area, or the agreement for its own values): the values summed and how many
 *   holders have one (a missing row is none);
 * - per indicator, agreement, group, baseline and target year and shape (id
 *   `indicator:agreement:group:baselineYear:targetYear:shape`, the shape a target's id when it has
 *   yearly milestones, else the nil uuid): the targets counted and summed, and a lone target's milestones;
 * - per holder (project, priority area, agreement, or the nil uuid for the country), derivation,
 *   enterprise and stretch start (id `holder:derivation:organisation:startsOn`): the stretch's end
 *   and the previous stretch's end,
 *   by the derived indicators' rules with the shared constants (enterpriseStretchesSql).
 */
export function factsDriftSql(): Statement {
  return statement((sql) => {
    const payable = sql.anyOf('fd.status', PAYABLE_DECISION_STATUSES);
    const payableAll = sql.anyOf('fd.status', PAYABLE_DECISION_STATUSES);
    const closed = sql.anyOf('m.status', CLOSED_MILESTONE_STATUSES);
    const closedMonth = sql.anyOf('m.status', CLOSED_MILESTONE_STATUSES);
    return `
    WITH paid AS (
      SELECT pay.funding_decision_id AS id, SUM(pay.amount) AS paid,
             min(pay.paid_on) AS first_paid_on, max(pay.paid_on) AS last_paid_on
      FROM payments pay
      GROUP BY pay.funding_decision_id
    ),
    funding AS (
      SELECT fd.project_id AS id, SUM(fd.amount_granted) AS granted, SUM(paid.paid) AS paid,
             count(*) FILTER (WHERE fd.amount_granted IS NULL)::int AS unknown_amounts
      FROM funding_decisions fd
      LEFT JOIN paid ON paid.id = fd.id
      WHERE fd.project_id IS NOT NULL AND ${payable}
      GROUP BY fd.project_id
    ),
    latest AS (
      SELECT DISTINCT ON (sr.project_id) sr.project_id AS id, sr.id AS report_id, sr.reporting_date, sr.health
      FROM status_reports sr
      ORDER BY sr.project_id, sr.reporting_date DESC, sr.created_at DESC, sr.id DESC
    ),
    next_milestone AS (
      SELECT DISTINCT ON (m.project_id) m.project_id AS id, m.id AS milestone_id, m.due_date
      FROM milestones m
      WHERE NOT (${closed})
      ORDER BY m.project_id, m.due_date, m.created_at, m.id
    )
    SELECT 'project' AS entity, p.id::text AS id, v.fact, v.stored, v.recomputed
    FROM projects p
    LEFT JOIN project_facts f ON f.project_id = p.id
    LEFT JOIN latest ON latest.id = p.id
    LEFT JOIN funding ON funding.id = p.id
    LEFT JOIN next_milestone ON next_milestone.id = p.id
    CROSS JOIN LATERAL (VALUES
      ('row', CASE WHEN f.project_id IS NOT NULL THEN 'present' END, 'present'),
      ('agreement_id', f.agreement_id::text, p.agreement_id::text),
      ('priority_area_id', f.priority_area_id::text, p.priority_area_id::text),
      ('lifecycle_status', f.lifecycle_status::text, p.lifecycle_status::text),
      ('latest_report_id', f.latest_report_id::text, latest.report_id::text),
      ('latest_reporting_date', f.latest_reporting_date::text, latest.reporting_date::text),
      ('latest_health', f.latest_health::text, latest.health::text),
      ('funding_granted', f.funding_granted::text, COALESCE(funding.granted, 0)::numeric(17,2)::text),
      ('funding_paid', f.funding_paid::text, COALESCE(funding.paid, 0)::numeric(17,2)::text),
      ('funding_unknown_amounts', f.funding_unknown_amounts::text, COALESCE(funding.unknown_amounts, 0)::text),
      ('next_milestone_id', f.next_milestone_id::text, next_milestone.milestone_id::text),
      ('next_milestone_due_date', f.next_milestone_due_date::text, next_milestone.due_date::text)
    ) v(fact, stored, recomputed)
    WHERE v.stored IS DISTINCT FROM v.recomputed AND (v.fact = 'row' OR f.project_id IS NOT NULL)
    UNION ALL
    SELECT 'funding_decision', fd.id::text, v.fact, v.stored, v.recomputed
    FROM funding_decisions fd
    LEFT JOIN funding_decision_facts ff ON ff.funding_decision_id = fd.id
    LEFT JOIN paid ON paid.id = fd.id
    CROSS JOIN LATERAL (VALUES
      ('row', CASE WHEN ff.funding_decision_id IS NOT NULL THEN 'present' END, 'present'),
      ('agreement_id', ff.agreement_id::text, fd.agreement_id::text),
      ('project_id', ff.project_id::text, fd.project_id::text),
      ('funder_id', ff.funder_id::text, fd.funder_id::text),
      ('payable', ff.payable::text, (${payableAll})::text),
      ('amount_granted', ff.amount_granted::text, fd.amount_granted::text),
      ('decision_date', ff.decision_date::text, fd.decision_date::text),
      ('paid', ff.paid::text, COALESCE(paid.paid, 0)::numeric(17,2)::text),
      ('first_paid_on', ff.first_paid_on::text, paid.first_paid_on::text),
      ('last_paid_on', ff.last_paid_on::text, paid.last_paid_on::text)
    ) v(fact, stored, recomputed)
    WHERE v.stored IS DISTINCT FROM v.recomputed AND (v.fact = 'row' OR ff.funding_decision_id IS NOT NULL)
    UNION ALL
    SELECT 'agreement_month', COALESCE(mf.agreement_id, mr.agreement_id)::text || ':' || COALESCE(mf.due_month, mr.due_month)::text,
           'open_count', COALESCE(mf.open_count, 0)::text, COALESCE(mr.open_count, 0)::text
    FROM milestone_month_facts mf
    FULL JOIN (
      SELECT p.agreement_id, date_trunc('month', m.due_date)::date AS due_month, count(*)::int AS open_count
      FROM milestones m JOIN projects p ON p.id = m.project_id
      WHERE NOT (${closedMonth})
      GROUP BY 1, 2
    ) mr ON mr.agreement_id = mf.agreement_id AND mr.due_month = mf.due_month
    WHERE COALESCE(mf.open_count, 0) <> COALESCE(mr.open_count, 0)
    UNION ALL
    SELECT 'indicator_period', concat_ws(':', k.indicator_id, k.agreement_id, k.holder_group, k.period),
           v.fact, v.stored, v.recomputed
    FROM indicator_period_facts pf
    FULL JOIN (
      SELECT ia.indicator_id, ia.agreement_id, COALESCE(p.priority_area_id, ia.agreement_id) AS holder_group, ia.period,
             sum(ia.value) AS value_sum, count(*)::int AS holders
      FROM indicator_actuals ia LEFT JOIN projects p ON p.id = ia.project_id
      GROUP BY 1, 2, 3, 4
    ) pr ON pr.indicator_id = pf.indicator_id AND pr.agreement_id = pf.agreement_id
        AND pr.holder_group = pf.holder_group AND pr.period = pf.period
    CROSS JOIN LATERAL (SELECT COALESCE(pf.indicator_id, pr.indicator_id) AS indicator_id,
        COALESCE(pf.agreement_id, pr.agreement_id) AS agreement_id,
        COALESCE(pf.holder_group, pr.holder_group) AS holder_group, COALESCE(pf.period, pr.period) AS period) k
    CROSS JOIN LATERAL (VALUES
      ('value_sum', pf.value_sum::text, pr.value_sum::text),
      ('holders', pf.holders::text, pr.holders::text)
    ) v(fact, stored, recomputed)
    WHERE v.stored IS DISTINCT FROM v.recomputed
    UNION ALL
    SELECT 'indicator_target',
           concat_ws(':', k.indicator_id, k.agreement_id, k.holder_group, k.baseline_year, k.target_year, k.shape_key),
           v.fact, v.stored, v.recomputed
    FROM indicator_target_facts tf
    FULL JOIN (
      SELECT t.indicator_id, t.agreement_id, COALESCE(p.priority_area_id, t.agreement_id) AS holder_group,
             t.baseline_year, t.target_year,
             CASE WHEN jsonb_array_length(t.milestones) = 0 THEN '00000000-0000-0000-0000-000000000000'::uuid
                  ELSE t.id END AS shape_key,
             count(*)::int AS n, sum(t.baseline_value) AS baseline_sum, sum(t.target_value) AS target_sum,
             CASE WHEN count(*) = 1 THEN (array_agg(t.milestones))[1] ELSE '[]'::jsonb END AS milestones
      FROM indicator_targets t LEFT JOIN projects p ON p.id = t.project_id
      GROUP BY 1, 2, 3, 4, 5, 6
    ) tr ON tr.indicator_id = tf.indicator_id AND tr.agreement_id = tf.agreement_id
        AND tr.holder_group = tf.holder_group AND tr.baseline_year = tf.baseline_year
        AND tr.target_year = tf.target_year AND tr.shape_key = tf.shape_key
    CROSS JOIN LATERAL (SELECT COALESCE(tf.indicator_id, tr.indicator_id) AS indicator_id,
        COALESCE(tf.agreement_id, tr.agreement_id) AS agreement_id,
        COALESCE(tf.holder_group, tr.holder_group) AS holder_group,
        COALESCE(tf.baseline_year, tr.baseline_year) AS baseline_year,
        COALESCE(tf.target_year, tr.target_year) AS target_year, COALESCE(tf.shape_key, tr.shape_key) AS shape_key) k
    CROSS JOIN LATERAL (VALUES
      ('n', tf.n::text, tr.n::text),
      ('baseline_sum', tf.baseline_sum::text, tr.baseline_sum::text),
      ('target_sum', tf.target_sum::text, tr.target_sum::text),
      ('milestones', tf.milestones::text, tr.milestones::text)
    ) v(fact, stored, recomputed)
    WHERE v.stored IS DISTINCT FROM v.recomputed
    UNION ALL
    SELECT 'indicator_enterprise', concat_ws(':', k.holder, k.derivation, k.organisation_id, k.starts_on),
           v.fact, v.stored, v.recomputed
    FROM indicator_enterprise_facts ef
    FULL JOIN (${enterpriseStretchesSql(sql)}) er ON er.holder = ef.holder AND er.derivation = ef.derivation::text
        AND er.organisation_id = ef.organisation_id AND er.starts_on = ef.starts_on
    CROSS JOIN LATERAL (SELECT COALESCE(ef.holder, er.holder) AS holder, COALESCE(ef.derivation::text, er.derivation) AS derivation,
        COALESCE(ef.organisation_id, er.organisation_id) AS organisation_id, COALESCE(ef.starts_on, er.starts_on) AS starts_on) k
    CROSS JOIN LATERAL (VALUES
      ('ends_on', ef.ends_on::text, er.ends_on::text),
      ('previous_ends_on', ef.previous_ends_on::text, er.previous_ends_on::text)
    ) v(fact, stored, recomputed)
    WHERE v.stored IS DISTINCT FROM v.recomputed AND (v.fact = 'ends_on' OR ef.holder IS NOT NULL)
    ORDER BY entity, id, fact`;
  });
}

/**
 * Every enterprise's stretches per holder and derivation recomputed from the register with the
 * shared rules as parameters (DERIVATION_SUPPORT_KINDS: the support kinds that qualify, or null
 * for "while a research organisation of RESEARCH_ORGANISATION_KINDS takes part in the same
 * project"; ENTERPRISE_KIND): overlapping or touching stretches merged, as the migration
 * IndicatorEnterpriseFacts keeps them.
 */
function enterpriseStretchesSql(sql: Sql): string {
  const qualifying = INDICATOR_DERIVATIONS.map((derivation) => {
    const kinds = DERIVATION_SUPPORT_KINDS[derivation];
    return kinds === null
      ? `SELECT ${sql.value(derivation)}::text AS derivation, e.project_id, e.area_id, e.agreement_id, e.organisation_id,
           GREATEST(e.s_from, r.r_from) AS q_from, LEAST(e.s_to, r.r_to) AS q_to
         FROM enterprise e JOIN research r ON r.project_id = e.project_id AND r.organisation_id <> e.organisation_id
         WHERE GREATEST(e.s_from, r.r_from) <= LEAST(e.s_to, r.r_to)`
      : `SELECT ${sql.value(derivation)}::text AS derivation, e.project_id, e.area_id, e.agreement_id, e.organisation_id,
           e.s_from AS q_from, e.s_to AS q_to
         FROM enterprise e WHERE ${sql.anyOf('e.support_kind', kinds)}`;
  });
  return `WITH enterprise AS (
      SELECT pt.project_id, p.priority_area_id AS area_id, p.agreement_id, pt.organisation_id, pt.support_kind,
             coalesce(pt.starts_on, '-infinity'::date) AS s_from, coalesce(pt.ends_on, 'infinity'::date) AS s_to
      FROM participants pt JOIN organisations o ON o.id = pt.organisation_id AND o.kind::text = ${sql.value(ENTERPRISE_KIND)}
      JOIN projects p ON p.id = pt.project_id
    ),
    research AS (
      SELECT pt.project_id, pt.organisation_id,
             coalesce(pt.starts_on, '-infinity'::date) AS r_from, coalesce(pt.ends_on, 'infinity'::date) AS r_to
      FROM participants pt JOIN organisations o ON o.id = pt.organisation_id
      WHERE ${sql.anyOf('o.kind', RESEARCH_ORGANISATION_KINDS)}
    ),
    qualifying AS (${qualifying.join(' UNION ALL ')}),
    held AS (
      SELECT h.holder, q.derivation, q.organisation_id, q.q_from, q.q_to
      FROM qualifying q CROSS JOIN LATERAL (VALUES (q.project_id), (q.area_id), (q.agreement_id),
        ('00000000-0000-0000-0000-000000000000'::uuid)) AS h(holder)
    ),
    ordered AS (
      SELECT held.*, max(held.q_to) OVER (PARTITION BY held.holder, held.derivation, held.organisation_id
               ORDER BY held.q_from, held.q_to ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
      FROM held
    ),
    islands AS (
      SELECT ordered.*, count(*) FILTER (WHERE ordered.reach IS NULL OR ordered.q_from > ordered.reach + 1)
               OVER (PARTITION BY ordered.holder, ordered.derivation, ordered.organisation_id
                     ORDER BY ordered.q_from, ordered.q_to ROWS UNBOUNDED PRECEDING) AS island
      FROM ordered
    )
    SELECT m.*, lag(m.ends_on) OVER (PARTITION BY m.holder, m.derivation, m.organisation_id ORDER BY m.starts_on)
             AS previous_ends_on
    FROM (SELECT i.holder, i.derivation, i.organisation_id, min(i.q_from) AS starts_on, max(i.q_to) AS ends_on
          FROM islands i GROUP BY i.holder, i.derivation, i.organisation_id, i.island) m`;
}

/**
 * The statements that rebuild every fact from the base tables, to run in order in one
 * transaction: the projects' facts rows are locked and refreshed first (in id order, before any
 * decision's, the order the triggers take them in, so that a concurrent write waits rather than
 * deadlocks; a missing row is inserted), then the database's own refresh functions recompute every
 * decision's payments, every project's facts again (with the decisions' sums) and every
 * agreement's monthly milestone counts. The facts come out as the triggers define them:
 * `factsDriftSql` afterwards tells whether that definition is still the shared vocabulary's.
 */
export function rebuildFactsSql(): Statement[] {
  const allProjects = 'ARRAY(SELECT p.id FROM projects p ORDER BY p.id)';
  const allDecisions = 'ARRAY(SELECT fd.id FROM funding_decisions fd ORDER BY fd.id)';
  const allAgreements = 'ARRAY(SELECT a.id FROM agreements a ORDER BY a.id)';
  return [
    // The refresh functions insert a missing facts row first (with its copied columns).
    statement(() => `SELECT refresh_project_facts(${allProjects})`),
    statement(() => `SELECT refresh_funding_decision_facts(${allDecisions})`),
    statement(() => `SELECT refresh_project_facts(${allProjects})`),
    statement(() => `SELECT rebuild_milestone_month_facts(${allAgreements})`),
    // Every key with a value or a stored sum: those without values lose their row.
    statement(
      () => `SELECT refresh_indicator_period_facts(array_agg(k.i), array_agg(k.a), array_agg(k.p))
        FROM (SELECT indicator_id AS i, agreement_id AS a, period AS p FROM indicator_actuals
              UNION SELECT indicator_id, agreement_id, period FROM indicator_period_facts) k`,
    ),
    statement(
      () => `SELECT refresh_indicator_target_facts(array_agg(k.i), array_agg(k.a))
        FROM (SELECT indicator_id AS i, agreement_id AS a FROM indicator_targets
              UNION SELECT indicator_id, agreement_id FROM indicator_target_facts) k`,
    ),
    // Every organisation with a participation or a stored stretch.
    statement(
      () => `SELECT refresh_indicator_enterprise_facts(array_agg(k.o ORDER BY k.o))
        FROM (SELECT organisation_id AS o FROM participants UNION SELECT organisation_id FROM indicator_enterprise_facts) k`,
    ),
  ];
}
