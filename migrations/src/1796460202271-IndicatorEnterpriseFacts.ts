import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The derived indicators' enterprises kept by the database (issue 12: national scale). Counting
 * distinct enterprises per period from the participant register took 300 ms for the largest
 * agreement's 25,000 participants and 900 ms for 100,000 nationally; distinct counts cannot be
 * added up from per-group sums (an enterprise in two areas counts once in the agreement), so what
 * is kept is, per holder (project, priority area, agreement, the whole country = nil uuid),
 * derivation and enterprise, the stretches of time in which the enterprise counts, merged so that
 * they neither overlap nor touch, each with the end of the one before it. A period's count is then
 * the stretches overlapping it whose predecessor does not, read from a few rows per enterprise.
 *
 * The rules are DERIVATION_SUPPORT_KINDS, RESEARCH_ORGANISATION_KINDS and ENTERPRISE_KIND of
 * packages/shared (written here as literals; `pnpm facts:check` and the integration test compare
 * the stored stretches with a recomputation that takes the shared constants as parameters):
 * - enterprises_supported: a company's participation with support kind grant, advisory or test-bed access;
 * - enterprises_supported_by_grants: with support kind grant;
 * - enterprises_cooperating_with_research: a company's participation, for the part of it during
 *   which a university, university of applied sciences or research institute takes part in the
 *   same project.
 * An empty start is "from the beginning" ('-infinity'), an empty end "ongoing" ('infinity').
 *
 * Statement-level triggers recompute every stretch of the enterprises a statement can change: on
 * participants, the rows' organisations and, when a research organisation's participation
 * changed, every enterprise of its project; on projects, a project moved to another priority
 * area (its enterprises); on organisations, a changed kind (the organisation, and when it is or
 * was a research organisation, the enterprises of its projects). Writers take transaction-scoped
 * advisory locks on the projects first and then the enterprises, each in key order, and only then
 * read the register in a new statement: the second of two concurrent writers waits for the first
 * to commit and recomputes with its rows.
 */
const RESEARCH_KINDS = `('university', 'university_of_applied_sciences', 'research_institute')`;
const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

export class IndicatorEnterpriseFacts1796460202271 implements MigrationInterface {
  name = 'IndicatorEnterpriseFacts1796460202271';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "indicator_enterprise_facts" ("holder" uuid NOT NULL, "derivation" "public"."indicator_derivation" NOT NULL, "organisation_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "previous_ends_on" date, CONSTRAINT "PK_indicator_enterprise_facts" PRIMARY KEY ("holder", "derivation", "organisation_id", "starts_on"))`,
    );
    // The merged stretches of the given organisations (null: of every organisation).
    await queryRunner.query(`
      CREATE FUNCTION "indicator_enterprise_stretches"(org_ids uuid[])
      RETURNS TABLE ("holder" uuid, "derivation" "indicator_derivation", "organisation_id" uuid, "starts_on" date, "ends_on" date,
        "previous_ends_on" date)
      LANGUAGE sql STABLE AS $$
        WITH enterprise AS (
          SELECT pt."project_id", p."priority_area_id" AS area_id, p."agreement_id", pt."organisation_id", pt."support_kind",
                 coalesce(pt."starts_on", '-infinity'::date) AS s_from, coalesce(pt."ends_on", 'infinity'::date) AS s_to
          FROM "participants" pt
          JOIN "organisations" o ON o."id" = pt."organisation_id" AND o."kind" = 'company'
          JOIN "projects" p ON p."id" = pt."project_id"
          WHERE org_ids IS NULL OR pt."organisation_id" = ANY(org_ids)
        ),
        research AS (
          SELECT pt."project_id", pt."organisation_id",
                 coalesce(pt."starts_on", '-infinity'::date) AS r_from, coalesce(pt."ends_on", 'infinity'::date) AS r_to
          FROM "participants" pt
          JOIN "organisations" o ON o."id" = pt."organisation_id" AND o."kind" IN ${RESEARCH_KINDS}
          WHERE pt."project_id" IN (SELECT e."project_id" FROM enterprise e)
        ),
        qualifying AS (
          SELECT 'enterprises_supported'::"indicator_derivation" AS derivation, e."project_id", e.area_id, e."agreement_id",
                 e."organisation_id", e.s_from AS q_from, e.s_to AS q_to
          FROM enterprise e WHERE e."support_kind" IN ('grant', 'advisory', 'test_bed_access')
          UNION ALL
          SELECT 'enterprises_supported_by_grants', e."project_id", e.area_id, e."agreement_id", e."organisation_id", e.s_from, e.s_to
          FROM enterprise e WHERE e."support_kind" = 'grant'
          UNION ALL
          SELECT 'enterprises_cooperating_with_research', e."project_id", e.area_id, e."agreement_id", e."organisation_id",
                 GREATEST(e.s_from, r.r_from), LEAST(e.s_to, r.r_to)
          FROM enterprise e JOIN research r ON r."project_id" = e."project_id" AND r."organisation_id" <> e."organisation_id"
          WHERE GREATEST(e.s_from, r.r_from) <= LEAST(e.s_to, r.r_to)
        ),
        held AS (
          SELECT h.holder, q.derivation, q."organisation_id", q.q_from, q.q_to
          FROM qualifying q
          CROSS JOIN LATERAL (VALUES (q."project_id"), (q.area_id), (q."agreement_id"), (${NIL})) AS h(holder)
        ),
        -- A stretch starts a new island unless it overlaps or touches one before it (gaps and islands).
        marked AS (
          SELECT held.*, CASE WHEN held.q_from <= max(held.q_to) OVER w + 1 THEN 0 ELSE 1 END AS starts_island
          FROM held
          WINDOW w AS (PARTITION BY held.holder, held.derivation, held."organisation_id" ORDER BY held.q_from, held.q_to
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
        ),
        islands AS (
          SELECT marked.*, sum(marked.starts_island) OVER (PARTITION BY marked.holder, marked.derivation,
                 marked."organisation_id" ORDER BY marked.q_from, marked.q_to ROWS UNBOUNDED PRECEDING) AS island
          FROM marked
        )
        SELECT m.holder, m.derivation, m."organisation_id", m.starts_on, m.ends_on,
               lag(m.ends_on) OVER (PARTITION BY m.holder, m.derivation, m."organisation_id" ORDER BY m.starts_on)
        FROM (
          SELECT i.holder, i.derivation, i."organisation_id", min(i.q_from) AS starts_on, max(i.q_to) AS ends_on
          FROM islands i
          GROUP BY i.holder, i.derivation, i."organisation_id", i.island
        ) m
      $$`);
    // Recomputes every stretch of the organisations, under their locks (in key order).
    await queryRunner.query(`
      CREATE FUNCTION "refresh_indicator_enterprise_facts"(org_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF org_ids IS NULL OR cardinality(org_ids) = 0 THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock(k.h) FROM (
          SELECT DISTINCT hashtextextended(u.o::text || 'enterprise', 4212) AS h FROM unnest(org_ids) AS u(o)
        ) k ORDER BY k.h;
        DELETE FROM "indicator_enterprise_facts" f WHERE f."organisation_id" = ANY(org_ids);
        INSERT INTO "indicator_enterprise_facts" ("holder", "derivation", "organisation_id", "starts_on", "ends_on", "previous_ends_on")
          SELECT * FROM "indicator_enterprise_stretches"(org_ids);
      END $$`);
    // The projects' locks first, then the organisations given and, for the projects in
    // `widened`, every enterprise taking part in them (read after the projects' locks).
    await queryRunner.query(`
      CREATE FUNCTION "refresh_participation_enterprise_facts"(project_ids uuid[], org_ids uuid[], widened uuid[])
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE orgs uuid[];
      BEGIN
        PERFORM pg_advisory_xact_lock(k.h) FROM (
          SELECT DISTINCT hashtextextended(u.p::text || 'participants', 4212) AS h FROM unnest(project_ids) AS u(p)
          WHERE u.p IS NOT NULL
        ) k ORDER BY k.h;
        SELECT array_agg(DISTINCT x.o) INTO orgs FROM (
          SELECT u.o FROM unnest(org_ids) AS u(o) WHERE u.o IS NOT NULL
          UNION
          SELECT pt."organisation_id" FROM "participants" pt
          JOIN "organisations" o ON o."id" = pt."organisation_id" AND o."kind" = 'company'
          WHERE pt."project_id" = ANY(widened)
        ) x;
        PERFORM "refresh_indicator_enterprise_facts"(orgs);
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "participants_refresh_enterprise_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ps uuid[]; os uuid[]; widened uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT r."project_id"), array_agg(DISTINCT r."organisation_id"),
                 array_agg(DISTINCT r."project_id") FILTER (WHERE o."kind" IN ${RESEARCH_KINDS})
          INTO ps, os, widened FROM new_rows r JOIN "organisations" o ON o."id" = r."organisation_id";
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT r."project_id"), array_agg(DISTINCT r."organisation_id"),
                 array_agg(DISTINCT r."project_id") FILTER (WHERE o."kind" IN ${RESEARCH_KINDS})
          INTO ps, os, widened FROM old_rows r JOIN "organisations" o ON o."id" = r."organisation_id";
        ELSE
          SELECT array_agg(DISTINCT r."project_id"), array_agg(DISTINCT r."organisation_id"),
                 array_agg(DISTINCT r."project_id") FILTER (WHERE o."kind" IN ${RESEARCH_KINDS})
          INTO ps, os, widened
          FROM (SELECT "project_id", "organisation_id" FROM old_rows UNION ALL SELECT "project_id", "organisation_id" FROM new_rows) r
          JOIN "organisations" o ON o."id" = r."organisation_id";
        END IF;
        PERFORM "refresh_participation_enterprise_facts"(ps, os, widened);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "projects_refresh_enterprise_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ps uuid[];
      BEGIN
        SELECT array_agg(n."id") INTO ps FROM old_rows o JOIN new_rows n ON n."id" = o."id"
          WHERE n."priority_area_id" <> o."priority_area_id" OR n."agreement_id" <> o."agreement_id";
        IF ps IS NOT NULL THEN PERFORM "refresh_participation_enterprise_facts"(ps, NULL, ps); END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "organisations_refresh_enterprise_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE os uuid[]; research uuid[]; ps uuid[]; widened uuid[];
      BEGIN
        SELECT array_agg(n."id"),
               array_agg(n."id") FILTER (WHERE n."kind" IN ${RESEARCH_KINDS} OR o."kind" IN ${RESEARCH_KINDS})
        INTO os, research FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE n."kind" <> o."kind";
        IF os IS NULL THEN RETURN NULL; END IF;
        SELECT array_agg(DISTINCT pt."project_id"),
               array_agg(DISTINCT pt."project_id") FILTER (WHERE pt."organisation_id" = ANY(research))
        INTO ps, widened FROM "participants" pt WHERE pt."organisation_id" = ANY(os);
        PERFORM "refresh_participation_enterprise_facts"(ps, os, widened);
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const tables =
        event === 'INSERT'
          ? 'NEW TABLE AS new_rows'
          : event === 'DELETE'
            ? 'OLD TABLE AS old_rows'
            : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await queryRunner.query(
        `CREATE TRIGGER "TRG_participants_enterprise_facts_${event.toLowerCase()}" AFTER ${event} ON "participants"
         REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION "participants_refresh_enterprise_facts"()`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER "TRG_projects_enterprise_facts_update" AFTER UPDATE ON "projects"
       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
       EXECUTE FUNCTION "projects_refresh_enterprise_facts"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_organisations_enterprise_facts_update" AFTER UPDATE ON "organisations"
       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
       EXECUTE FUNCTION "organisations_refresh_enterprise_facts"()`,
    );
    // The register as it stands (the demo's participants, or a production database's).
    await queryRunner.query(
      `INSERT INTO "indicator_enterprise_facts" ("holder", "derivation", "organisation_id", "starts_on", "ends_on", "previous_ends_on")
       SELECT * FROM "indicator_enterprise_stretches"(NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_organisations_enterprise_facts_update" ON "organisations"`);
    await queryRunner.query(`DROP TRIGGER "TRG_projects_enterprise_facts_update" ON "projects"`);
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER "TRG_participants_enterprise_facts_${event}" ON "participants"`);
    }
    await queryRunner.query(`DROP FUNCTION "organisations_refresh_enterprise_facts"()`);
    await queryRunner.query(`DROP FUNCTION "projects_refresh_enterprise_facts"()`);
    await queryRunner.query(`DROP FUNCTION "participants_refresh_enterprise_facts"()`);
    await queryRunner.query(`DROP FUNCTION "refresh_participation_enterprise_facts"(uuid[], uuid[], uuid[])`);
    await queryRunner.query(`DROP FUNCTION "refresh_indicator_enterprise_facts"(uuid[])`);
    await queryRunner.query(`DROP FUNCTION "indicator_enterprise_stretches"(uuid[])`);
    await queryRunner.query(`DROP TABLE "indicator_enterprise_facts"`);
  }
}
