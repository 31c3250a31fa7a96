import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-project facts (latest status report, funding sums, next open milestone) and per-decision
 * payment sums, kept by the database in the same transaction as every write that changes them, so
 * that lists, the dashboard and reports read one row per project instead of visiting its reports,
 * decisions, payments and milestones (issue 11: the cost of a page, not of the portfolio).
 *
 * Statement-level triggers with transition tables on status_reports, milestones, funding_decisions
 * and payments recompute the facts of the projects (and decisions) a statement touched from the
 * base tables: one recomputation per statement however many rows it wrote. Each recomputation
 * first locks the facts rows it will write, in id order (project facts before decision facts), and
 * only then reads the base tables in a new statement, so a concurrent writer's committed rows are
 * seen (READ COMMITTED) and the last writer never overwrites with stale sums.
 *
 * The definitions are the project list's: latest report = latest reporting date, then latest
 * created, then id; funding over the payable statuses ('granted', 'amended' =
 * PAYABLE_DECISION_STATUSES); next milestone = the earliest due not in ('done', 'cancelled') =
 * CLOSED_MILESTONE_STATUSES, then created, then id. The integration test
 * test/portfolio-facts.int-spec.ts holds them to a recomputation with the shared constants.
 */

/** Indexes in the orders the lists read (see Project, ProjectFacts, Milestone, StatusReport). */
const INDEXES = [
  ['IDX_projects_code_id', 'projects', '"code", "id"'],
  ['IDX_projects_name_id', 'projects', '"name", "id"'],
  ['IDX_projects_planned_start_id', 'projects', '"planned_start", "id"'],
  ['IDX_projects_planned_start_desc', 'projects', '"planned_start" DESC NULLS LAST, "id" DESC'],
  ['IDX_projects_planned_end_id', 'projects', '"planned_end", "id"'],
  ['IDX_projects_planned_end_desc', 'projects', '"planned_end" DESC NULLS LAST, "id" DESC'],
  ['IDX_projects_lifecycle_status_id', 'projects', '"lifecycle_status", "id"'],
  ['IDX_projects_updated_at_id', 'projects', '"updated_at", "id"'],
  ['IDX_project_facts_latest_health_desc', 'project_facts', '"latest_health" DESC NULLS LAST, "project_id" DESC'],
  ['IDX_milestones_due_date', 'milestones', '"due_date", "id"'],
  ['IDX_milestones_completed_on', 'milestones', '"completed_on", "id"'],
  ['IDX_status_reports_latest', 'status_reports', '"reporting_date", "created_at", "id"'],
] as const;

/** The tables whose writes change the facts, with the trigger function that refreshes them. */
const FACT_TRIGGERS = [
  ['status_reports', 'project_children_refresh_facts'],
  ['milestones', 'milestones_refresh_facts'],
  ['funding_decisions', 'funding_decisions_refresh_facts'],
  ['payments', 'payments_refresh_facts'],
  // A project's facts carry its agreement, priority area and stage (what the dashboard groups by).
  ['projects', 'projects_refresh_facts'],
] as const;

/**
 * plpgsql: the (agreement, month of due date) pairs of the milestones in `rows` (a transition
 * table or a union of both), sorted, into the arrays `agreements` and `months`.
 */
const monthKeys = (rows: string) => `
          SELECT array_agg(k.a ORDER BY k.a, k.m), array_agg(k.m ORDER BY k.a, k.m) INTO agreements, months
          FROM (SELECT DISTINCT p."agreement_id" AS a, date_trunc('month', r."due_date")::date AS m
                FROM ${rows} r JOIN "projects" p ON p."id" = r."project_id") k;`;

export class PortfolioFacts1796440220447 implements MigrationInterface {
  name = 'PortfolioFacts1796440220447';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "funding_decision_facts" ("funding_decision_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "project_id" uuid, "funder_id" uuid NOT NULL, "payable" boolean NOT NULL, "amount_granted" numeric(15,2), "decision_date" date, "paid" numeric(17,2) NOT NULL DEFAULT '0', "first_paid_on" date, "last_paid_on" date, CONSTRAINT "PK_4879ce548a7d3d9267015b70f5c" PRIMARY KEY ("funding_decision_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "milestone_month_facts" ("agreement_id" uuid NOT NULL, "due_month" date NOT NULL, "open_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_milestone_month_facts" PRIMARY KEY ("agreement_id", "due_month"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_funding_decision_facts_agreement_funder" ON "funding_decision_facts"  ("agreement_id", "funder_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "project_facts" ("project_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "priority_area_id" uuid NOT NULL, "lifecycle_status" "public"."lifecycle_status" NOT NULL, "latest_report_id" uuid, "latest_reporting_date" date, "latest_health" "public"."health", "funding_granted" numeric(17,2) NOT NULL DEFAULT '0', "funding_paid" numeric(17,2) NOT NULL DEFAULT '0', "funding_unknown_amounts" integer NOT NULL DEFAULT '0', "next_milestone_id" uuid, "next_milestone_due_date" date, CONSTRAINT "PK_9cbf402621bcd8fda25724368f8" PRIMARY KEY ("project_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_project_facts_agreement_id" ON "project_facts"  ("agreement_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_project_facts_latest_reporting_date" ON "project_facts"  ("latest_reporting_date", "project_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_project_facts_latest_health" ON "project_facts"  ("latest_health", "project_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_decision_facts" ADD CONSTRAINT "FK_4879ce548a7d3d9267015b70f5c" FOREIGN KEY ("funding_decision_id") REFERENCES "funding_decisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_facts" ADD CONSTRAINT "FK_9cbf402621bcd8fda25724368f8" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "refresh_funding_decision_facts"(decision_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF decision_ids IS NULL OR cardinality(decision_ids) = 0 THEN RETURN; END IF;
        INSERT INTO "funding_decision_facts" ("funding_decision_id", "agreement_id", "funder_id", "payable")
          SELECT fd."id", fd."agreement_id", fd."funder_id", false FROM "funding_decisions" fd
          WHERE fd."id" = ANY(decision_ids) ON CONFLICT DO NOTHING;
        PERFORM 1 FROM "funding_decision_facts" ff WHERE ff."funding_decision_id" = ANY(decision_ids)
          ORDER BY ff."funding_decision_id" FOR UPDATE;
        UPDATE "funding_decision_facts" ff
        SET "agreement_id" = fd."agreement_id", "project_id" = fd."project_id", "funder_id" = fd."funder_id",
            "payable" = fd."status" IN ('granted', 'amended'), "amount_granted" = fd."amount_granted",
            "decision_date" = fd."decision_date",
            "paid" = COALESCE(s.paid, 0), "first_paid_on" = s.first_paid_on, "last_paid_on" = s.last_paid_on
        FROM unnest(decision_ids) AS d(id)
        JOIN "funding_decisions" fd ON fd."id" = d.id
        CROSS JOIN LATERAL (
          SELECT SUM(pay."amount") AS paid, min(pay."paid_on") AS first_paid_on, max(pay."paid_on") AS last_paid_on
          FROM "payments" pay WHERE pay."funding_decision_id" = d.id
        ) s
        WHERE ff."funding_decision_id" = d.id;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "refresh_project_facts"(project_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF project_ids IS NULL OR cardinality(project_ids) = 0 THEN RETURN; END IF;
        INSERT INTO "project_facts" ("project_id", "agreement_id", "priority_area_id", "lifecycle_status")
          SELECT p."id", p."agreement_id", p."priority_area_id", p."lifecycle_status" FROM "projects" p
          WHERE p."id" = ANY(project_ids) ON CONFLICT DO NOTHING;
        PERFORM 1 FROM "project_facts" f WHERE f."project_id" = ANY(project_ids) ORDER BY f."project_id" FOR UPDATE;
        UPDATE "project_facts" f
        SET "agreement_id" = p."agreement_id", "priority_area_id" = p."priority_area_id",
            "lifecycle_status" = p."lifecycle_status",
            "latest_report_id" = lr.id, "latest_reporting_date" = lr.reporting_date, "latest_health" = lr.health,
            "funding_granted" = fu.granted, "funding_paid" = fu.paid, "funding_unknown_amounts" = fu.unknown_amounts,
            "next_milestone_id" = nm.id, "next_milestone_due_date" = nm.due_date
        FROM unnest(project_ids) AS ids(id)
        JOIN "projects" p ON p."id" = ids.id
        LEFT JOIN LATERAL (
          SELECT sr."id", sr."reporting_date", sr."health" FROM "status_reports" sr
          WHERE sr."project_id" = ids.id
          ORDER BY sr."reporting_date" DESC, sr."created_at" DESC, sr."id" DESC LIMIT 1
        ) lr ON true
        CROSS JOIN LATERAL (
          SELECT COALESCE(SUM(fd."amount_granted"), 0) AS granted, COALESCE(SUM(ff."paid"), 0) AS paid,
                 count(*) FILTER (WHERE fd."amount_granted" IS NULL)::int AS unknown_amounts
          FROM "funding_decisions" fd
          LEFT JOIN "funding_decision_facts" ff ON ff."funding_decision_id" = fd."id"
          WHERE fd."project_id" = ids.id AND fd."status" IN ('granted', 'amended')
        ) fu
        LEFT JOIN LATERAL (
          SELECT m."id", m."due_date" FROM "milestones" m
          WHERE m."project_id" = ids.id AND m."status" NOT IN ('done', 'cancelled')
          ORDER BY m."due_date", m."created_at", m."id" LIMIT 1
        ) nm ON true
        WHERE f."project_id" = ids.id;
      END $$`);
    // Locks the facts rows of projects (in id order) before a trigger writes decision facts.
    await queryRunner.query(`
      CREATE FUNCTION "lock_project_facts"(project_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM "project_facts" f WHERE f."project_id" = ANY(project_ids) ORDER BY f."project_id" FOR UPDATE;
      END $$`);
    // The projects (and for payments, decisions) a statement touched: the transition tables'
    // rows before (old_rows: updates, deletes) and after (new_rows: inserts, updates).
    await queryRunner.query(`
      CREATE FUNCTION "project_children_refresh_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE touched uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN SELECT array_agg(DISTINCT r."project_id") INTO touched FROM new_rows r;
        ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(DISTINCT r."project_id") INTO touched FROM old_rows r;
        ELSE SELECT array_agg(DISTINCT x.id) INTO touched
          FROM (SELECT r."project_id" AS id FROM old_rows r UNION SELECT r."project_id" FROM new_rows r) x;
        END IF;
        PERFORM "refresh_project_facts"(array_remove(touched, NULL));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "funding_decisions_refresh_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE touched uuid[]; decisions uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT r."project_id"), array_agg(r."id" ORDER BY r."id") INTO touched, decisions FROM new_rows r;
        ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(DISTINCT r."project_id") INTO touched FROM old_rows r;
        ELSE
          SELECT array_agg(DISTINCT x.id) INTO touched
            FROM (SELECT r."project_id" AS id FROM old_rows r UNION SELECT r."project_id" FROM new_rows r) x;
          SELECT array_agg(r."id" ORDER BY r."id") INTO decisions FROM new_rows r;
        END IF;
        touched := array_remove(touched, NULL);
        PERFORM "lock_project_facts"(touched);
        PERFORM "refresh_funding_decision_facts"(decisions);
        PERFORM "refresh_project_facts"(touched);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "payments_refresh_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE decisions uuid[]; touched uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN SELECT array_agg(DISTINCT r."funding_decision_id") INTO decisions FROM new_rows r;
        ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(DISTINCT r."funding_decision_id") INTO decisions FROM old_rows r;
        ELSE SELECT array_agg(DISTINCT x.id) INTO decisions
          FROM (SELECT r."funding_decision_id" AS id FROM old_rows r UNION SELECT r."funding_decision_id" FROM new_rows r) x;
        END IF;
        -- FOR SHARE: a concurrent move of the decision to another project is waited for, and then
        -- its new project is the one refreshed.
        SELECT array_agg(DISTINCT d."project_id") INTO touched FROM (
          SELECT fd."project_id" FROM "funding_decisions" fd WHERE fd."id" = ANY(decisions)
          ORDER BY fd."id" FOR SHARE
        ) d WHERE d."project_id" IS NOT NULL;
        PERFORM "lock_project_facts"(touched);
        PERFORM "refresh_funding_decision_facts"(decisions);
        PERFORM "refresh_project_facts"(touched);
        RETURN NULL;
      END $$`);
    // Open milestones (not done, not cancelled) per agreement and month of their due date: what
    // "overdue as of today" counts in the national report, without visiting every milestone.
    await queryRunner.query(`
      CREATE FUNCTION "refresh_milestone_month_facts"(agreement_ids uuid[], months date[]) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        IF agreement_ids IS NULL OR cardinality(agreement_ids) = 0 THEN RETURN; END IF;
        INSERT INTO "milestone_month_facts" ("agreement_id", "due_month")
          SELECT DISTINCT k.a, k.m FROM unnest(agreement_ids, months) AS k(a, m) ON CONFLICT DO NOTHING;
        PERFORM 1 FROM "milestone_month_facts" f JOIN unnest(agreement_ids, months) AS k(a, m)
          ON f."agreement_id" = k.a AND f."due_month" = k.m
          ORDER BY f."agreement_id", f."due_month" FOR UPDATE OF f;
        UPDATE "milestone_month_facts" f SET "open_count" = c.n
        FROM (SELECT DISTINCT k.a, k.m FROM unnest(agreement_ids, months) AS k(a, m)) k
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS n FROM "milestones" m JOIN "projects" p ON p."id" = m."project_id"
          WHERE p."agreement_id" = k.a AND m."due_date" >= k.m AND m."due_date" < (k.m + interval '1 month')::date
            AND m."status" NOT IN ('done', 'cancelled')
        ) c
        WHERE f."agreement_id" = k.a AND f."due_month" = k.m;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "rebuild_milestone_month_facts"(agreement_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF agreement_ids IS NULL OR cardinality(agreement_ids) = 0 THEN RETURN; END IF;
        PERFORM 1 FROM "milestone_month_facts" f WHERE f."agreement_id" = ANY(agreement_ids)
          ORDER BY f."agreement_id", f."due_month" FOR UPDATE;
        DELETE FROM "milestone_month_facts" f WHERE f."agreement_id" = ANY(agreement_ids);
        INSERT INTO "milestone_month_facts" ("agreement_id", "due_month", "open_count")
          SELECT p."agreement_id", date_trunc('month', m."due_date")::date, count(*)::int
          FROM "milestones" m JOIN "projects" p ON p."id" = m."project_id"
          WHERE p."agreement_id" = ANY(agreement_ids) AND m."status" NOT IN ('done', 'cancelled')
          GROUP BY 1, 2
          ON CONFLICT ("agreement_id", "due_month") DO UPDATE SET "open_count" = EXCLUDED."open_count";
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "milestones_refresh_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE touched uuid[]; agreements uuid[]; months date[];
      BEGIN
        IF TG_OP = 'INSERT' THEN SELECT array_agg(DISTINCT r."project_id") INTO touched FROM new_rows r;
        ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(DISTINCT r."project_id") INTO touched FROM old_rows r;
        ELSE SELECT array_agg(DISTINCT x.id) INTO touched
          FROM (SELECT r."project_id" AS id FROM old_rows r UNION SELECT r."project_id" FROM new_rows r) x;
        END IF;
        PERFORM "refresh_project_facts"(array_remove(touched, NULL));
        IF TG_OP = 'INSERT' THEN ${monthKeys('new_rows')}
        ELSIF TG_OP = 'DELETE' THEN ${monthKeys('old_rows')}
        ELSE ${monthKeys('(SELECT "project_id", "due_date" FROM old_rows UNION SELECT "project_id", "due_date" FROM new_rows)')}
        END IF;
        -- (Milestones deleted with their project have no project left to name the agreement: the
        -- projects' delete trigger rebuilds those agreements' counts.)
        PERFORM "refresh_milestone_month_facts"(agreements, months);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "projects_refresh_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE touched uuid[]; moved uuid[];
      BEGIN
        IF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT r."agreement_id") INTO moved FROM old_rows r;
          PERFORM "rebuild_milestone_month_facts"(moved);
          RETURN NULL;
        END IF;
        SELECT array_agg(r."id" ORDER BY r."id") INTO touched FROM new_rows r;
        PERFORM "refresh_project_facts"(touched);
        IF TG_OP = 'UPDATE' THEN
          -- A project moved to another agreement takes its milestones' counts with it.
          SELECT array_agg(DISTINCT x.id) INTO moved FROM (
            SELECT o."agreement_id" AS id FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE n."agreement_id" <> o."agreement_id"
            UNION SELECT n."agreement_id" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE n."agreement_id" <> o."agreement_id"
          ) x;
          PERFORM "rebuild_milestone_month_facts"(moved);
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, fn] of FACT_TRIGGERS) {
      await queryRunner.query(
        `CREATE TRIGGER "TRG_${table}_facts_insert" AFTER INSERT ON "${table}"
         REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "TRG_${table}_facts_update" AFTER UPDATE ON "${table}"
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "TRG_${table}_facts_delete" AFTER DELETE ON "${table}"
         REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
      );
    }
    await queryRunner.query(`DROP INDEX "public"."IDX_projects_lifecycle_status"`);
    // pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it; the
    // embedded database loads it (database/embedded-postgres.ts).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "IDX_projects_code_trgm" ON "projects" USING gin ("code" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_projects_name_trgm" ON "projects" USING gin ("name" gin_trgm_ops)`);
    for (const [name, table, columns] of INDEXES)
      await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" (${columns})`);
    // The facts of what is already there.
    await queryRunner.query(
      `SELECT "refresh_funding_decision_facts"(ARRAY(SELECT fd."id" FROM "funding_decisions" fd ORDER BY fd."id"))`,
    );
    await queryRunner.query(`SELECT "refresh_project_facts"(ARRAY(SELECT p."id" FROM "projects" p ORDER BY p."id"))`);
    await queryRunner.query(
      `SELECT "rebuild_milestone_month_facts"(ARRAY(SELECT a."id" FROM "agreements" a ORDER BY a."id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_funding_decision_facts_agreement_funder"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_facts_agreement_id"`);
    for (const [name] of INDEXES) await queryRunner.query(`DROP INDEX "public"."${name}"`);
    await queryRunner.query(`CREATE INDEX "IDX_projects_lifecycle_status" ON "projects" ("lifecycle_status")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_projects_code_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_projects_name_trgm"`);
    for (const [table] of FACT_TRIGGERS) {
      for (const event of ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER "TRG_${table}_facts_${event}" ON "${table}"`);
    }
    for (const fn of [
      'projects_refresh_facts()',
      'milestones_refresh_facts()',
      'rebuild_milestone_month_facts(uuid[])',
      'refresh_milestone_month_facts(uuid[], date[])',
      'payments_refresh_facts()',
      'funding_decisions_refresh_facts()',
      'project_children_refresh_facts()',
      'lock_project_facts(uuid[])',
      'refresh_project_facts(uuid[])',
      'refresh_funding_decision_facts(uuid[])',
    ])
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    await queryRunner.query(`ALTER TABLE "project_facts" DROP CONSTRAINT "FK_9cbf402621bcd8fda25724368f8"`);
    await queryRunner.query(`ALTER TABLE "funding_decision_facts" DROP CONSTRAINT "FK_4879ce548a7d3d9267015b70f5c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_facts_latest_health"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_facts_latest_reporting_date"`);
    await queryRunner.query(`DROP TABLE "project_facts"`);
    await queryRunner.query(`DROP TABLE "funding_decision_facts"`);
    await queryRunner.query(`DROP TABLE "milestone_month_facts"`);
  }
}
