// A synthetic portfolio of any size, generated inside PostgreSQL (generate_series), for the
// benchmarks: cities with one agreement each, priority areas, organisations (names with ;, " and
// non-ASCII letters, as real ones have), projects with their lead, funding decisions with payments,
// milestones (some overdue) and status reports. Nothing here is demo data: the names are plainly
// synthetic ("Synteettinen hanke 17").

/**
 * @param {import('pg').ClientBase} client a client on the scratch database (migrated)
 * @param {{ cities?: number, areasPerAgreement?: number, organisations?: number, projects: number,
 *   largestAgreementProjects?: number, decisionsPerProject?: number, paymentsPerDecision?: number,
 *   payments?: number, milestonesPerProject?: number, reportsPerProject?: number, indicators?: number,
 *   indicatorPeriods?: number, participantsPerProject?: number }} size
 *   `largestAgreementProjects`: that many projects go to the first agreement (by title) and the
 *   rest round-robin to the others (without it every area gets the same share); `payments`: that
 *   many payments in all, spread over the payable decisions (else `paymentsPerDecision` each);
 *   `indicators`: that many common indicators (counts and euros, summed over time), each with a
 *   target for every project and agreement and a value for every project in each of the
 *   `indicatorPeriods` years from 2021; `participantsPerProject`: participants per project from the
 *   organisations (companies, universities, research institutes; some with a period and support),
 *   and each agreement's own target for two derived indicators (RCO01, RCO10).
 * @returns {Promise<Record<string, number>>} the row count of each table
 */
export async function generatePortfolio(client, size) {
  const s = {
    cities: 2,
    areasPerAgreement: 2,
    organisations: 200,
    decisionsPerProject: 2,
    paymentsPerDecision: 2,
    milestonesPerProject: 3,
    reportsPerProject: 2,
    ...size,
  };
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO organisations (name, kind)
       SELECT 'Synteettinen kaupunki ' || g, 'city' FROM generate_series(1, $1::int) g`,
      [s.cities],
    );
    await client.query(
      `INSERT INTO organisations (name, kind)
       SELECT CASE g % 4 WHEN 0 THEN 'Itä-Suomen organisaatio ' || g
                         WHEN 1 THEN 'Pohjois-Savon "liitto" ' || g
                         WHEN 2 THEN 'Yritys; Oy ' || g
                         ELSE 'Åbo organisation ' || g END,
              (ARRAY['company','university','research_institute','regional_council','ministry']::organisation_kind[])[1 + g % 5]
       FROM generate_series(1, $1::int) g`,
      [s.organisations],
    );
    await client.query(`
      INSERT INTO agreements (city_id, title, valid_from, valid_to)
      SELECT id, 'Synteettinen ekosysteemisopimus (' || name || ')', DATE '2021-01-01', DATE '2027-12-31'
      FROM organisations WHERE kind = 'city'`);
    await client.query(
      `INSERT INTO priority_areas (agreement_id, name_fi)
       SELECT a.id, 'Painopiste ' || g FROM agreements a, generate_series(1, $1::int) g`,
      [s.areasPerAgreement],
    );
    // Projects spread round-robin over the priority areas (of the first agreement for the first
    // `largestAgreementProjects`, of the others after them), led round-robin by the organisations.
    await client.query(
      `WITH ranked AS (
         SELECT pa.id, dense_rank() OVER (ORDER BY a.title, a.id) AS agreement_rank
         FROM priority_areas pa JOIN agreements a ON a.id = pa.agreement_id
       ),
       areas AS (
         SELECT id, row_number() OVER (PARTITION BY agreement_rank = 1 OR $2::int = 0 ORDER BY id) - 1 AS n,
                count(*) OVER (PARTITION BY agreement_rank = 1 OR $2::int = 0) AS total,
                agreement_rank = 1 OR $2::int = 0 AS first
         FROM ranked
       ),
       orgs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
                FROM organisations WHERE kind <> 'city')
       INSERT INTO projects (priority_area_id, code, name, kind, lead_organisation_id, planned_start, planned_end,
                             lifecycle_status, total_budget)
       SELECT areas.id, 'SYN-' || lpad(g::text, 7, '0'), 'Synteettinen hanke ' || g,
              CASE WHEN g % 50 = 0 THEN 'launch'::project_kind ELSE 'other'::project_kind END,
              orgs.id, DATE '2021-01-01' + (g % 700), DATE '2023-01-01' + (g % 1500),
              (ARRAY['planned','active','active','on_hold','completed']::lifecycle_status[])[1 + g % 5],
              (100000 + (g % 977) * 1000.25)::numeric(15,2)
       FROM generate_series(1, $1::int) g
       JOIN areas ON areas.first = ($2::int = 0 OR g <= $2::int) AND areas.n = g % areas.total
       JOIN orgs ON orgs.n = g % orgs.total`,
      [s.projects, s.largestAgreementProjects ?? 0],
    );
    await client.query(
      `WITH funders AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
                        FROM organisations WHERE kind <> 'city')
       INSERT INTO funding_decisions (agreement_id, project_id, funder_id, instrument, decision_date, record_number,
                                      amount_granted, status)
       SELECT pa.agreement_id, p.id, funders.id,
              (ARRAY['akke','erdf','city_co_funding','business_finland','other']::funding_instrument[])[1 + (k + p.rn) % 5],
              DATE '2021-09-01' + ((p.rn * 7 + k) % 1500)::int, 'SYN/' || p.rn || '/' || k,
              (50000 + ((p.rn + k) % 313) * 250.5)::numeric(15,2),
              (ARRAY['granted','granted','amended','applied']::funding_decision_status[])[1 + (p.rn + k) % 4]
       FROM (SELECT id, priority_area_id, row_number() OVER (ORDER BY code) AS rn FROM projects) p
       JOIN priority_areas pa ON pa.id = p.priority_area_id
       CROSS JOIN generate_series(1, $1::int) k
       JOIN funders ON funders.n = (p.rn + k) % funders.total`,
      [s.decisionsPerProject],
    );
    await client.query(
      `WITH payable AS (
         SELECT fd.id, fd.decision_date, fd.amount_granted, row_number() OVER (ORDER BY fd.record_number) AS rn,
                count(*) OVER () AS total
         FROM funding_decisions fd WHERE fd.status IN ('granted', 'amended')
       )
       INSERT INTO payments (funding_decision_id, paid_on, amount, note)
       SELECT fd.id, fd.decision_date + (30 * k), (fd.amount_granted / ($1::int + 2))::numeric(15,2),
              CASE WHEN k % 3 = 0 THEN '=maksu ' || k ELSE 'Maksuerä ' || k END
       FROM payable fd
       CROSS JOIN generate_series(1, CASE WHEN $2::int = 0 THEN $1::int ELSE ceil($2::numeric / fd.total)::int END) k
       WHERE $2::int = 0 OR (k - 1) * fd.total + fd.rn <= $2::int`,
      [s.paymentsPerDecision, s.payments ?? 0],
    );
    await client.query(
      `INSERT INTO milestones (project_id, title, due_date, status, completed_on)
       SELECT p.id, 'Välitavoite ' || k || ' – ' || p.code, DATE '2022-01-01' + ((p.rn * 11 + k * 97) % 2000)::int,
              CASE WHEN (p.rn + k) % 3 = 0 THEN 'done'::milestone_status ELSE 'planned'::milestone_status END,
              CASE WHEN (p.rn + k) % 3 = 0 THEN DATE '2022-01-01' + ((p.rn * 11 + k * 97) % 2000)::int END
       FROM (SELECT id, code, row_number() OVER (ORDER BY code) AS rn FROM projects) p
       CROSS JOIN generate_series(1, $1::int) k`,
      [s.milestonesPerProject],
    );
    await client.query(
      `INSERT INTO status_reports (project_id, reporting_date, health, lifecycle_status, summary, risks, author)
       SELECT p.id, DATE '2025-01-01' + ((p.rn * 13 + k * 29) % 700)::int,
              (ARRAY['on_track','at_risk','off_track']::health[])[1 + (p.rn + k) % 3], p.lifecycle_status,
              'Tilanne ' || k || E':\\n"etenee"; ' || p.code, CASE WHEN k % 2 = 0 THEN '+riski ' || k END,
              'Synteettinen raportoija'
       FROM (SELECT id, code, lifecycle_status, row_number() OVER (ORDER BY code) AS rn FROM projects) p
       CROSS JOIN generate_series(1, $1::int) k`,
      [s.reportsPerProject],
    );
    await generateIndicators(client, s);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('ANALYZE');
  const counts = {};
  for (const table of [
    'organisations',
    'agreements',
    'priority_areas',
    'projects',
    'funding_decisions',
    'payments',
    'milestones',
    'status_reports',
    'indicators',
    'indicator_targets',
    'indicator_actuals',
    'participants',
  ]) {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  return counts;
}

/** Common indicators with targets and yearly values, and participants (see generatePortfolio). */
async function generateIndicators(client, s) {
  const indicators = s.indicators ?? 0;
  const periods = s.indicatorPeriods ?? 6;
  if (indicators > 0) {
    await client.query(
      `INSERT INTO indicators (code, name_fi, name_sv, name_en, unit, kind, aggregation, source)
       SELECT 'SYN-IND-' || g, 'Synteettinen indikaattori ' || g, 'Syntetisk indikator ' || g,
              'Synthetic indicator ' || g, CASE WHEN g % 3 = 0 THEN 'euros' ELSE 'count' END::indicator_unit,
              CASE WHEN g % 2 = 0 THEN 'result' ELSE 'output' END::indicator_kind, 'sum', 'innocities'
       FROM generate_series(1, $1::int) g`,
      [indicators],
    );
    await client.query(`
      INSERT INTO indicator_targets (indicator_id, agreement_id, project_id, baseline_value, baseline_year,
                                     target_value, target_year, milestones)
      SELECT i.id, p.agreement_id, p.id, 0, 2020, 10 + (p.rn % 40), 2027, '[]'::jsonb
      FROM indicators i
      CROSS JOIN (SELECT id, agreement_id, row_number() OVER (ORDER BY code) AS rn FROM projects) p
      WHERE i.code LIKE 'SYN-IND-%'`);
    await client.query(`
      INSERT INTO indicator_targets (indicator_id, agreement_id, project_id, baseline_value, baseline_year,
                                     target_value, target_year, milestones)
      SELECT i.id, a.id, NULL, 0, 2020, 5000, 2027, '[{"year": 2024, "value": "2000"}]'::jsonb
      FROM indicators i CROSS JOIN agreements a WHERE i.code LIKE 'SYN-IND-%'`);
    await client.query(
      `INSERT INTO indicator_actuals (indicator_id, agreement_id, project_id, period, value, entered_by)
       SELECT i.id, p.agreement_id, p.id, (2020 + k)::text, (p.rn + k) % 7, 'Synteettinen raportoija'
       FROM indicators i
       CROSS JOIN (SELECT id, agreement_id, row_number() OVER (ORDER BY code) AS rn FROM projects) p
       CROSS JOIN generate_series(1, $1::int) k
       WHERE i.code LIKE 'SYN-IND-%'`,
      [periods],
    );
  }
  const participants = s.participantsPerProject ?? 0;
  if (participants > 0) {
    // Each project takes k organisations at a stride, so that companies appear in many projects
    // (and agreements) and meet research organisations in some of them.
    await client.query(
      `WITH orgs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
                     FROM organisations WHERE kind IN ('company', 'university', 'research_institute'))
       INSERT INTO participants (project_id, organisation_id, role, starts_on, ends_on, support_kind, support_amount)
       SELECT DISTINCT ON (p.id, orgs.id) p.id, orgs.id,
              (ARRAY['partner','company','research_organisation','other']::participant_role[])[1 + (p.rn + k) % 4],
              CASE WHEN k % 2 = 0 THEN DATE '2021-01-01' + ((p.rn * 5 + k * 61) % 1500)::int END,
              CASE WHEN k % 4 = 0 THEN DATE '2025-06-30' END,
              (ARRAY['grant','advisory','test_bed_access','none']::support_kind[])[1 + (p.rn + k) % 4],
              CASE WHEN k % 3 = 0 THEN (5000 + (p.rn % 17) * 250)::numeric(15,2) END
       FROM (SELECT id, row_number() OVER (ORDER BY code) AS rn FROM projects) p
       CROSS JOIN generate_series(1, $1::int) k
       JOIN orgs ON orgs.n = (p.rn * 7 + k * 13) % orgs.total
       ORDER BY p.id, orgs.id`,
      [participants],
    );
    // Each agreement's own target for two derived indicators, so that the dashboard's strip and
    // the national view count enterprises, not only typed-in values.
    await client.query(`
      INSERT INTO indicator_targets (indicator_id, agreement_id, project_id, baseline_value, baseline_year,
                                     target_value, target_year, milestones)
      SELECT i.id, a.id, NULL, 0, 2021, 40, 2027, '[]'::jsonb
      FROM indicators i CROSS JOIN agreements a
      WHERE i.derivation IN ('enterprises_supported', 'enterprises_cooperating_with_research')`);
  }
}
