import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: the indicator catalogue, targets and actuals, the participant register, and each
 * agreement's reporting periodicity. The EU common indicators that fit RDI projects are loaded
 * with their codes and English names as in Annex I of Regulation (EU) 2021/1058; the Finnish and
 * Swedish names and the definitions are Salkku's (docs/INDICATORS.md). Three of them are derived
 * from the participant register and never typed in.
 */
const EU_COMMON_INDICATORS: ReadonlyArray<{
  code: string;
  fi: string;
  sv: string;
  en: string;
  definitionFi: string;
  definitionSv: string;
  definitionEn: string;
  derivation: string | null;
}> = [
  {
    code: 'RCO01',
    fi: 'Tuetut yritykset (joista mikro-, pienet, keskisuuret ja suuret yritykset)',
    sv: 'Företag som får stöd (varav mikroföretag, små, medelstora och stora företag)',
    en: 'Enterprises supported (of which: micro, small, medium, large)',
    definitionFi:
      'Yritykset, jotka saavat hankkeesta tukea (avustusta, neuvontaa tai testiympäristön käyttöä). Salkku laskee ' +
      'luvun osallistujarekisteristä: kukin yritys kerran sopimusta kohden ja kerran koko maassa.',
    definitionSv:
      'Företag som får stöd från projektet (bidrag, rådgivning eller tillgång till testmiljö). Salkku räknar ' +
      'talet ur deltagarregistret: varje företag en gång per avtal och en gång i hela landet.',
    definitionEn:
      'Enterprises receiving support from the project (a grant, advisory services or test-bed access). Salkku ' +
      'counts them from the participant register: each enterprise once per agreement and once nationally.',
    derivation: 'enterprises_supported',
  },
  {
    code: 'RCO02',
    fi: 'Avustuksilla tuetut yritykset',
    sv: 'Företag som får stöd genom bidrag',
    en: 'Enterprises supported by grants',
    definitionFi:
      'Yritykset, jotka saavat hankkeesta avustusta. Salkku laskee luvun osallistujarekisteristä: kukin yritys ' +
      'kerran sopimusta kohden ja kerran koko maassa.',
    definitionSv:
      'Företag som får bidrag från projektet. Salkku räknar talet ur deltagarregistret: varje företag en gång ' +
      'per avtal och en gång i hela landet.',
    definitionEn:
      'Enterprises receiving a grant from the project. Salkku counts them from the participant register: each ' +
      'enterprise once per agreement and once nationally.',
    derivation: 'enterprises_supported_by_grants',
  },
  {
    code: 'RCO07',
    fi: 'Yhteisiin tutkimushankkeisiin osallistuvat tutkimusorganisaatiot',
    sv: 'Forskningsorganisationer som deltar i gemensamma forskningsprojekt',
    en: 'Research organisations participating in joint research projects',
    definitionFi: 'Tutkimusorganisaatiot, jotka osallistuvat tuettuihin yhteisiin tutkimushankkeisiin.',
    definitionSv: 'Forskningsorganisationer som deltar i gemensamma forskningsprojekt som får stöd.',
    definitionEn: 'Research organisations participating in supported joint research projects.',
    derivation: null,
  },
  {
    code: 'RCO10',
    fi: 'Tutkimusorganisaatioiden kanssa yhteistyötä tekevät yritykset',
    sv: 'Företag som samarbetar med forskningsorganisationer',
    en: 'Enterprises cooperating with research organisations',
    definitionFi:
      'Yritykset, jotka tekevät yhteistyötä tutkimusorganisaatioiden kanssa yhteisissä tutkimushankkeissa. Salkku ' +
      'laskee luvun osallistujarekisteristä: yritys, joka osallistuu hankkeeseen samaan aikaan kuin yliopisto, ' +
      'ammattikorkeakoulu tai tutkimuslaitos; kukin yritys kerran sopimusta kohden ja kerran koko maassa.',
    definitionSv:
      'Företag som samarbetar med forskningsorganisationer i gemensamma forskningsprojekt. Salkku räknar talet ur ' +
      'deltagarregistret: ett företag som deltar i ett projekt samtidigt som ett universitet, en yrkeshögskola ' +
      'eller ett forskningsinstitut; varje företag en gång per avtal och en gång i hela landet.',
    definitionEn:
      'Enterprises cooperating in joint research projects with research organisations. Salkku counts them from ' +
      'the participant register: an enterprise taking part in a project in which a university, a university of ' +
      'applied sciences or a research institute takes part at the same time; each enterprise once per agreement ' +
      'and once nationally.',
    derivation: 'enterprises_cooperating_with_research',
  },
];

export class IndicatorsAndParticipants1796450386281 implements MigrationInterface {
  name = 'IndicatorsAndParticipants1796450386281';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."indicator_unit" AS ENUM('count', 'euros', 'percent', 'other')`);
    await queryRunner.query(`CREATE TYPE "public"."indicator_kind" AS ENUM('output', 'result')`);
    await queryRunner.query(`CREATE TYPE "public"."indicator_aggregation" AS ENUM('sum', 'latest')`);
    await queryRunner.query(`CREATE TYPE "public"."indicator_source" AS ENUM('eu_common', 'innocities', 'city')`);
    await queryRunner.query(
      `CREATE TYPE "public"."indicator_derivation" AS ENUM('enterprises_supported', 'enterprises_supported_by_grants', 'enterprises_cooperating_with_research')`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" character varying(40) NOT NULL, "name_fi" character varying(300) NOT NULL, "name_sv" character varying(300) NOT NULL, "name_en" character varying(300) NOT NULL, "definition_fi" text, "definition_sv" text, "definition_en" text, "unit" "public"."indicator_unit" NOT NULL, "unit_name" character varying(60), "kind" "public"."indicator_kind" NOT NULL, "aggregation" "public"."indicator_aggregation" NOT NULL, "source" "public"."indicator_source" NOT NULL, "agreement_id" uuid, "derivation" "public"."indicator_derivation", CONSTRAINT "CHK_indicators_derived_count" CHECK ("derivation" IS NULL OR ("unit" = 'count' AND "agreement_id" IS NULL)), CONSTRAINT "CHK_indicators_percent_latest" CHECK ("unit" <> 'percent' OR "aggregation" = 'latest'), CONSTRAINT "CHK_indicators_unit_name" CHECK (("unit" = 'other') = ("unit_name" IS NOT NULL)), CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_indicators_code" ON "indicators"  ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_indicators_agreement_id" ON "indicators"  ("agreement_id") `);
    await queryRunner.query(
      `CREATE TABLE "indicator_actuals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "indicator_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "project_id" uuid, "period" character varying(7) NOT NULL, "value" numeric(17,4) NOT NULL, "note" text, "entered_by" character varying(200) NOT NULL, "entered_by_id" uuid, CONSTRAINT "CHK_indicator_actuals_period" CHECK ("period" ~ '^[0-9]{4}(-H[12])?$'), CONSTRAINT "PK_a865c4a6454ac332c60c593d5d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_indicator_actuals_project" ON "indicator_actuals"  ("project_id", "indicator_id", "period") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_indicator_actuals_agreement" ON "indicator_actuals"  ("agreement_id", "indicator_id", "period") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "indicator_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "project_id" uuid, "baseline_value" numeric(17,4) NOT NULL, "baseline_year" smallint NOT NULL, "target_value" numeric(17,4) NOT NULL, "target_year" smallint NOT NULL, "milestones" jsonb NOT NULL, CONSTRAINT "CHK_indicator_targets_years" CHECK ("baseline_year" <= "target_year"), CONSTRAINT "PK_9a02cd645eea6c99219c6896f5c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_indicator_targets_project" ON "indicator_targets"  ("project_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_indicator_targets_agreement" ON "indicator_targets"  ("agreement_id", "indicator_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."participant_role" AS ENUM('lead', 'partner', 'company', 'research_organisation', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."support_kind" AS ENUM('grant', 'advisory', 'test_bed_access', 'none')`,
    );
    await queryRunner.query(
      `CREATE TABLE "participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "project_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" "public"."participant_role" NOT NULL, "starts_on" date, "ends_on" date, "support_kind" "public"."support_kind", "support_amount" numeric(15,2), CONSTRAINT "CHK_participants_support_amount" CHECK ("support_amount" IS NULL OR "support_amount" >= 0), CONSTRAINT "CHK_participants_period" CHECK ("starts_on" IS NULL OR "ends_on" IS NULL OR "starts_on" <= "ends_on"), CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_participants_organisation_id" ON "participants"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_participants_project_organisation" ON "participants"  ("project_id", "organisation_id") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."reporting_periodicity" AS ENUM('year', 'half_year')`);
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD "reporting_periodicity" "public"."reporting_periodicity" NOT NULL DEFAULT 'year'`,
    );
    // An agreement's own target or value has no project: NULLS NOT DISTINCT keeps it one per period.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_indicator_targets_holder" ON "indicator_targets" ("indicator_id", "agreement_id", "project_id") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_indicator_actuals_holder_period" ON "indicator_actuals" ("indicator_id", "agreement_id", "project_id", "period") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicators" ADD CONSTRAINT "FK_4535430c832ae7a78728015e61c" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_actuals" ADD CONSTRAINT "FK_44448de040b08eadab03eedabf0" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_actuals" ADD CONSTRAINT "FK_7301ffe77c45872097d762e2a42" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_actuals" ADD CONSTRAINT "FK_fa6ff34939201018d70f46810a1" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_targets" ADD CONSTRAINT "FK_aae9c55c696fd41d52dd90b0295" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_targets" ADD CONSTRAINT "FK_8f428d7ac06d654c810aa1a9a14" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_targets" ADD CONSTRAINT "FK_7e1e2503c2b2b7e251cb1c963b4" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "FK_c938166dd0f157729414ea6a4a6" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "FK_2fdf52cfb70f7e4160688a45806" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Each indicator's values per reporting period added up per group (a priority area's projects,
    // or the agreement's own: holder_group = the agreement), kept by triggers in the same
    // transaction as every write, so that an agreement's and the nation's results add up groups,
    // not every project's values (docs/ARCHITECTURE.md, "Facts kept by the database").
    await queryRunner.query(
      `CREATE TABLE "indicator_period_facts" ("indicator_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "holder_group" uuid NOT NULL, "period" character varying(7) NOT NULL, "value_sum" numeric NOT NULL, "holders" integer NOT NULL, CONSTRAINT "PK_indicator_period_facts" PRIMARY KEY ("indicator_id", "agreement_id", "holder_group", "period"))`,
    );
    // Recomputes every group of the (indicator, agreement, period) keys from the values themselves.
    // Writers of one key take its lock in key order first, so the second waits for the first to
    // commit and then recomputes with its values (each statement here sees what is committed).
    await queryRunner.query(`
      CREATE FUNCTION "refresh_indicator_period_facts"(indicator_ids uuid[], agreement_ids uuid[], periods text[])
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF indicator_ids IS NULL OR cardinality(indicator_ids) = 0 THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock(k.h) FROM (
          SELECT DISTINCT hashtextextended(u.i::text || u.a::text || u.p, 4212) AS h
          FROM unnest(indicator_ids, agreement_ids, periods) AS u(i, a, p)
        ) k ORDER BY k.h;
        DELETE FROM "indicator_period_facts" f USING unnest(indicator_ids, agreement_ids, periods) AS u(i, a, p)
          WHERE f."indicator_id" = u.i AND f."agreement_id" = u.a AND f."period" = u.p;
        INSERT INTO "indicator_period_facts" ("indicator_id", "agreement_id", "holder_group", "period", "value_sum", "holders")
          SELECT v."indicator_id", v."agreement_id", coalesce(p."priority_area_id", v."agreement_id"), v."period",
                 sum(v."value"), count(*)::int
          FROM (SELECT DISTINCT u.i, u.a, u.p FROM unnest(indicator_ids, agreement_ids, periods) AS u(i, a, p)) k
          JOIN "indicator_actuals" v ON v."indicator_id" = k.i AND v."agreement_id" = k.a AND v."period" = k.p
          LEFT JOIN "projects" p ON p."id" = v."project_id"
          GROUP BY 1, 2, 3, 4;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "indicator_actuals_refresh_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE i_ids uuid[]; a_ids uuid[]; ps text[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(k.i), array_agg(k.a), array_agg(k.p) INTO i_ids, a_ids, ps
          FROM (SELECT DISTINCT r."indicator_id" AS i, r."agreement_id" AS a, r."period" AS p FROM new_rows r) k;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(k.i), array_agg(k.a), array_agg(k.p) INTO i_ids, a_ids, ps
          FROM (SELECT DISTINCT r."indicator_id" AS i, r."agreement_id" AS a, r."period" AS p FROM old_rows r) k;
        ELSE
          SELECT array_agg(k.i), array_agg(k.a), array_agg(k.p) INTO i_ids, a_ids, ps
          FROM (SELECT r."indicator_id" AS i, r."agreement_id" AS a, r."period" AS p FROM old_rows r
                UNION SELECT r."indicator_id", r."agreement_id", r."period" FROM new_rows r) k;
        END IF;
        PERFORM "refresh_indicator_period_facts"(i_ids, a_ids, ps);
        RETURN NULL;
      END $$`);
    // Each indicator's targets added up per group and shape (see the entity IndicatorTargetFacts),
    // recomputed per (indicator, agreement) like the values' sums.
    await queryRunner.query(
      `CREATE TABLE "indicator_target_facts" ("indicator_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "holder_group" uuid NOT NULL, "baseline_year" smallint NOT NULL, "target_year" smallint NOT NULL, "shape_key" uuid NOT NULL, "n" integer NOT NULL, "baseline_sum" numeric NOT NULL, "target_sum" numeric NOT NULL, "milestones" jsonb NOT NULL, CONSTRAINT "PK_indicator_target_facts" PRIMARY KEY ("indicator_id", "agreement_id", "holder_group", "baseline_year", "target_year", "shape_key"))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "refresh_indicator_target_facts"(indicator_ids uuid[], agreement_ids uuid[])
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF indicator_ids IS NULL OR cardinality(indicator_ids) = 0 THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock(k.h) FROM (
          SELECT DISTINCT hashtextextended(u.i::text || u.a::text || 'target', 4212) AS h
          FROM unnest(indicator_ids, agreement_ids) AS u(i, a)
        ) k ORDER BY k.h;
        DELETE FROM "indicator_target_facts" f USING unnest(indicator_ids, agreement_ids) AS u(i, a)
          WHERE f."indicator_id" = u.i AND f."agreement_id" = u.a;
        INSERT INTO "indicator_target_facts" ("indicator_id", "agreement_id", "holder_group", "baseline_year",
            "target_year", "shape_key", "n", "baseline_sum", "target_sum", "milestones")
          SELECT t."indicator_id", t."agreement_id", coalesce(p."priority_area_id", t."agreement_id"), t."baseline_year",
                 t."target_year",
                 CASE WHEN jsonb_array_length(t."milestones") = 0 THEN '00000000-0000-0000-0000-000000000000'::uuid ELSE t."id" END,
                 count(*)::int, sum(t."baseline_value"), sum(t."target_value"),
                 CASE WHEN count(*) = 1 THEN (array_agg(t."milestones"))[1] ELSE '[]'::jsonb END
          FROM (SELECT DISTINCT u.i, u.a FROM unnest(indicator_ids, agreement_ids) AS u(i, a)) k
          JOIN "indicator_targets" t ON t."indicator_id" = k.i AND t."agreement_id" = k.a
          LEFT JOIN "projects" p ON p."id" = t."project_id"
          GROUP BY 1, 2, 3, 4, 5, 6;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "indicator_targets_refresh_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE i_ids uuid[]; a_ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(k.i), array_agg(k.a) INTO i_ids, a_ids
          FROM (SELECT DISTINCT r."indicator_id" AS i, r."agreement_id" AS a FROM new_rows r) k;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(k.i), array_agg(k.a) INTO i_ids, a_ids
          FROM (SELECT DISTINCT r."indicator_id" AS i, r."agreement_id" AS a FROM old_rows r) k;
        ELSE
          SELECT array_agg(k.i), array_agg(k.a) INTO i_ids, a_ids
          FROM (SELECT r."indicator_id" AS i, r."agreement_id" AS a FROM old_rows r
                UNION SELECT r."indicator_id", r."agreement_id" FROM new_rows r) k;
        END IF;
        PERFORM "refresh_indicator_target_facts"(i_ids, a_ids);
        RETURN NULL;
      END $$`);
    // A project moved to another priority area takes its values and targets to that area's group.
    await queryRunner.query(`
      CREATE FUNCTION "projects_refresh_indicator_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE i_ids uuid[]; a_ids uuid[]; ps text[];
      BEGIN
        SELECT array_agg(k.i), array_agg(k.a), array_agg(k.p) INTO i_ids, a_ids, ps
        FROM (SELECT DISTINCT v."indicator_id" AS i, v."agreement_id" AS a, v."period" AS p
              FROM old_rows o JOIN new_rows n ON n."id" = o."id"
              JOIN "indicator_actuals" v ON v."project_id" = n."id"
              WHERE n."priority_area_id" <> o."priority_area_id") k;
        PERFORM "refresh_indicator_period_facts"(i_ids, a_ids, ps);
        SELECT array_agg(k.i), array_agg(k.a) INTO i_ids, a_ids
        FROM (SELECT DISTINCT t."indicator_id" AS i, t."agreement_id" AS a
              FROM old_rows o JOIN new_rows n ON n."id" = o."id"
              JOIN "indicator_targets" t ON t."project_id" = n."id"
              WHERE n."priority_area_id" <> o."priority_area_id") k;
        PERFORM "refresh_indicator_target_facts"(i_ids, a_ids);
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
        `CREATE TRIGGER "TRG_indicator_actuals_facts_${event.toLowerCase()}" AFTER ${event} ON "indicator_actuals"
         REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION "indicator_actuals_refresh_facts"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "TRG_indicator_targets_facts_${event.toLowerCase()}" AFTER ${event} ON "indicator_targets"
         REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION "indicator_targets_refresh_facts"()`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER "TRG_projects_indicator_facts_update" AFTER UPDATE ON "projects"
       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
       EXECUTE FUNCTION "projects_refresh_indicator_facts"()`,
    );
    for (const i of EU_COMMON_INDICATORS) {
      await queryRunner.query(
        `INSERT INTO "indicators" ("code", "name_fi", "name_sv", "name_en", "definition_fi", "definition_sv",
           "definition_en", "unit", "kind", "aggregation", "source", "derivation")
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'count', 'output', 'sum', 'eu_common', $8)`,
        [i.code, i.fi, i.sv, i.en, i.definitionFi, i.definitionSv, i.definitionEn, i.derivation],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_projects_indicator_facts_update" ON "projects"`);
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER "TRG_indicator_actuals_facts_${event}" ON "indicator_actuals"`);
      await queryRunner.query(`DROP TRIGGER "TRG_indicator_targets_facts_${event}" ON "indicator_targets"`);
    }
    await queryRunner.query(`DROP FUNCTION "indicator_targets_refresh_facts"()`);
    await queryRunner.query(`DROP FUNCTION "refresh_indicator_target_facts"(uuid[], uuid[])`);
    await queryRunner.query(`DROP TABLE "indicator_target_facts"`);
    await queryRunner.query(`DROP FUNCTION "projects_refresh_indicator_facts"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_actuals_refresh_facts"()`);
    await queryRunner.query(`DROP FUNCTION "refresh_indicator_period_facts"(uuid[], uuid[], text[])`);
    await queryRunner.query(`DROP TABLE "indicator_period_facts"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_2fdf52cfb70f7e4160688a45806"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_c938166dd0f157729414ea6a4a6"`);
    await queryRunner.query(`ALTER TABLE "indicator_targets" DROP CONSTRAINT "FK_7e1e2503c2b2b7e251cb1c963b4"`);
    await queryRunner.query(`ALTER TABLE "indicator_targets" DROP CONSTRAINT "FK_8f428d7ac06d654c810aa1a9a14"`);
    await queryRunner.query(`ALTER TABLE "indicator_targets" DROP CONSTRAINT "FK_aae9c55c696fd41d52dd90b0295"`);
    await queryRunner.query(`ALTER TABLE "indicator_actuals" DROP CONSTRAINT "FK_fa6ff34939201018d70f46810a1"`);
    await queryRunner.query(`ALTER TABLE "indicator_actuals" DROP CONSTRAINT "FK_7301ffe77c45872097d762e2a42"`);
    await queryRunner.query(`ALTER TABLE "indicator_actuals" DROP CONSTRAINT "FK_44448de040b08eadab03eedabf0"`);
    await queryRunner.query(`ALTER TABLE "indicators" DROP CONSTRAINT "FK_4535430c832ae7a78728015e61c"`);
    await queryRunner.query(`ALTER TABLE "agreements" DROP COLUMN "reporting_periodicity"`);
    await queryRunner.query(`DROP TYPE "public"."reporting_periodicity"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_participants_project_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_participants_organisation_id"`);
    await queryRunner.query(`DROP TABLE "participants"`);
    await queryRunner.query(`DROP TYPE "public"."support_kind"`);
    await queryRunner.query(`DROP TYPE "public"."participant_role"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_indicator_targets_holder"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_indicator_actuals_holder_period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_indicator_targets_agreement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_indicator_targets_project"`);
    await queryRunner.query(`DROP TABLE "indicator_targets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_indicator_actuals_agreement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_indicator_actuals_project"`);
    await queryRunner.query(`DROP TABLE "indicator_actuals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_indicators_agreement_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_indicators_code"`);
    await queryRunner.query(`DROP TABLE "indicators"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_derivation"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_source"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_aggregation"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_kind"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_unit"`);
  }
}
