import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Salkku's initial schema: organisations, agreements, priority areas, projects and partners,
 * funding decisions and payments, milestones and status reports. Generated from the entities and
 * reviewed by hand (the lifecycle_status type is shared by projects and status_reports).
 */
export class InitialSchema1795840487219 implements MigrationInterface {
  name = 'InitialSchema1795840487219';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('city', 'ministry', 'regional_council', 'university', 'university_of_applied_sciences', 'research_institute', 'hospital_district', 'company', 'other')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name" character varying(200) NOT NULL, "kind" "public"."organisation_kind" NOT NULL, "business_id" character varying(9), "country" character(2) NOT NULL DEFAULT 'FI', CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_organisations_business_id" ON "organisations"  ("business_id") `);
    await queryRunner.query(
      `CREATE TABLE "agreements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "city_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "signed_on" date, "valid_from" date, "valid_to" date, CONSTRAINT "CHK_agreements_validity" CHECK ("valid_from" IS NULL OR "valid_to" IS NULL OR "valid_from" <= "valid_to"), CONSTRAINT "PK_01532f6c999d44c776e3d1fa4c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_agreements_city_id" ON "agreements"  ("city_id") `);
    await queryRunner.query(
      `CREATE TABLE "priority_areas" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "agreement_id" uuid NOT NULL, "name_fi" character varying(200) NOT NULL, "name_sv" character varying(200), "name_en" character varying(200), "description" text, "sub_themes" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_2a938896a5e523c27cddec7b893" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_priority_areas_agreement_id" ON "priority_areas"  ("agreement_id") `);
    await queryRunner.query(`CREATE TYPE "public"."project_kind" AS ENUM('launch', 'other')`);
    await queryRunner.query(
      `CREATE TYPE "public"."lifecycle_status" AS ENUM('planned', 'active', 'on_hold', 'completed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "priority_area_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "name" character varying(300) NOT NULL, "summary" text, "kind" "public"."project_kind" NOT NULL DEFAULT 'other', "lead_organisation_id" uuid NOT NULL, "planned_start" date, "planned_end" date, "lifecycle_status" "public"."lifecycle_status" NOT NULL DEFAULT 'planned', "total_budget" numeric(15,2), "eura_code" character varying(40), CONSTRAINT "CHK_projects_budget" CHECK ("total_budget" IS NULL OR "total_budget" >= 0), CONSTRAINT "CHK_projects_period" CHECK ("planned_start" IS NULL OR "planned_end" IS NULL OR "planned_start" <= "planned_end"), CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_projects_priority_area_id" ON "projects"  ("priority_area_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_projects_code" ON "projects"  ("code") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_projects_lead_organisation_id" ON "projects"  ("lead_organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_projects_lifecycle_status" ON "projects"  ("lifecycle_status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."funding_instrument" AS ENUM('akke', 'erdf', 'city_co_funding', 'business_finland', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."funding_decision_status" AS ENUM('applied', 'granted', 'amended', 'rejected', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "funding_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "agreement_id" uuid NOT NULL, "project_id" uuid, "funder_id" uuid NOT NULL, "recipient_id" uuid, "instrument" "public"."funding_instrument" NOT NULL, "decision_body" character varying(200), "decision_date" date, "record_number" character varying(100), "amount_granted" numeric(15,2), "co_funding_rate" numeric(5,2), "cap" numeric(15,2), "eligible_from" date, "eligible_to" date, "status" "public"."funding_decision_status" NOT NULL DEFAULT 'applied', "conditions" text, CONSTRAINT "CHK_funding_decisions_period" CHECK ("eligible_from" IS NULL OR "eligible_to" IS NULL OR "eligible_from" <= "eligible_to"), CONSTRAINT "CHK_funding_decisions_rate" CHECK ("co_funding_rate" IS NULL OR ("co_funding_rate" >= 0 AND "co_funding_rate" <= 100)), CONSTRAINT "CHK_funding_decisions_cap" CHECK ("cap" IS NULL OR "cap" >= 0), CONSTRAINT "CHK_funding_decisions_amount" CHECK ("amount_granted" IS NULL OR "amount_granted" >= 0), CONSTRAINT "PK_976dccd8b577477a58aeedbe9c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_funding_decisions_agreement_id" ON "funding_decisions"  ("agreement_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_funding_decisions_project_id" ON "funding_decisions"  ("project_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_funding_decisions_funder_id" ON "funding_decisions"  ("funder_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_funding_decisions_recipient_id" ON "funding_decisions"  ("recipient_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."milestone_status" AS ENUM('planned', 'in_progress', 'done', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "milestones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "project_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "description" text, "due_date" date NOT NULL, "status" "public"."milestone_status" NOT NULL DEFAULT 'planned', "completed_on" date, CONSTRAINT "CHK_milestones_completed" CHECK (("status" = 'done') = ("completed_on" IS NOT NULL)), CONSTRAINT "PK_0bdbfe399c777a6a8520ff902d9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_milestones_project_due" ON "milestones"  ("project_id", "due_date") `);
    await queryRunner.query(
      `CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "funding_decision_id" uuid NOT NULL, "paid_on" date NOT NULL, "amount" numeric(15,2) NOT NULL, "note" text, CONSTRAINT "CHK_payments_amount" CHECK ("amount" > 0), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_payments_funding_decision_id" ON "payments"  ("funding_decision_id") `);
    await queryRunner.query(
      `CREATE TABLE "project_partners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "project_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" character varying(200), "budget_share" numeric(15,2), CONSTRAINT "CHK_project_partners_budget_share" CHECK ("budget_share" IS NULL OR "budget_share" >= 0), CONSTRAINT "PK_729fc4affe7ccdd99b26d049253" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_project_partners_organisation_id" ON "project_partners"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_project_partners_project_organisation" ON "project_partners"  ("project_id", "organisation_id") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."health" AS ENUM('on_track', 'at_risk', 'off_track')`);
    await queryRunner.query(
      `CREATE TABLE "status_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "project_id" uuid NOT NULL, "reporting_date" date NOT NULL, "health" "public"."health" NOT NULL, "lifecycle_status" "public"."lifecycle_status" NOT NULL, "summary" text NOT NULL, "risks" text, "next_steps" text, "author" character varying(200) NOT NULL, "author_id" uuid, CONSTRAINT "PK_5b303afd85233dce17c88c519ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_status_reports_project_latest" ON "status_reports"  ("project_id", "reporting_date", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_533e4d2f78180ef2f99adab599a" FOREIGN KEY ("city_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "priority_areas" ADD CONSTRAINT "FK_8e867537e650f6d8641eb41a622" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_9c3fb31ae3edf90c405515b6419" FOREIGN KEY ("priority_area_id") REFERENCES "priority_areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_34b019ac5715ff06d7fb464efe9" FOREIGN KEY ("lead_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_decisions" ADD CONSTRAINT "FK_ebd6cfcdbd610b57d9280168118" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_decisions" ADD CONSTRAINT "FK_857859b12fe28c48024b5e94677" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_decisions" ADD CONSTRAINT "FK_cadb4ae9bfe33888634313c8527" FOREIGN KEY ("funder_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_decisions" ADD CONSTRAINT "FK_efeef21af6197e92c0418441861" FOREIGN KEY ("recipient_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "milestones" ADD CONSTRAINT "FK_2204463ea4c5c1872e1fb2b8ffb" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_0fa54143efcc47497b9810593cb" FOREIGN KEY ("funding_decision_id") REFERENCES "funding_decisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_partners" ADD CONSTRAINT "FK_b15493c0811d6f7acbb42064177" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_partners" ADD CONSTRAINT "FK_8e3265f1e7fb7c78f2bd6b796b2" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "status_reports" ADD CONSTRAINT "FK_f371acb114c9133b0d57ee0fc0b" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "status_reports" DROP CONSTRAINT "FK_f371acb114c9133b0d57ee0fc0b"`);
    await queryRunner.query(`ALTER TABLE "project_partners" DROP CONSTRAINT "FK_8e3265f1e7fb7c78f2bd6b796b2"`);
    await queryRunner.query(`ALTER TABLE "project_partners" DROP CONSTRAINT "FK_b15493c0811d6f7acbb42064177"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_0fa54143efcc47497b9810593cb"`);
    await queryRunner.query(`ALTER TABLE "milestones" DROP CONSTRAINT "FK_2204463ea4c5c1872e1fb2b8ffb"`);
    await queryRunner.query(`ALTER TABLE "funding_decisions" DROP CONSTRAINT "FK_efeef21af6197e92c0418441861"`);
    await queryRunner.query(`ALTER TABLE "funding_decisions" DROP CONSTRAINT "FK_cadb4ae9bfe33888634313c8527"`);
    await queryRunner.query(`ALTER TABLE "funding_decisions" DROP CONSTRAINT "FK_857859b12fe28c48024b5e94677"`);
    await queryRunner.query(`ALTER TABLE "funding_decisions" DROP CONSTRAINT "FK_ebd6cfcdbd610b57d9280168118"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_34b019ac5715ff06d7fb464efe9"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_9c3fb31ae3edf90c405515b6419"`);
    await queryRunner.query(`ALTER TABLE "priority_areas" DROP CONSTRAINT "FK_8e867537e650f6d8641eb41a622"`);
    await queryRunner.query(`ALTER TABLE "agreements" DROP CONSTRAINT "FK_533e4d2f78180ef2f99adab599a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_status_reports_project_latest"`);
    await queryRunner.query(`DROP TABLE "status_reports"`);
    await queryRunner.query(`DROP TYPE "public"."health"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_project_partners_project_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_partners_organisation_id"`);
    await queryRunner.query(`DROP TABLE "project_partners"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_payments_funding_decision_id"`);
    await queryRunner.query(`DROP TABLE "payments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_milestones_project_due"`);
    await queryRunner.query(`DROP TABLE "milestones"`);
    await queryRunner.query(`DROP TYPE "public"."milestone_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_funding_decisions_recipient_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_funding_decisions_funder_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_funding_decisions_project_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_funding_decisions_agreement_id"`);
    await queryRunner.query(`DROP TABLE "funding_decisions"`);
    await queryRunner.query(`DROP TYPE "public"."funding_decision_status"`);
    await queryRunner.query(`DROP TYPE "public"."funding_instrument"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_projects_lifecycle_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_projects_lead_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_projects_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_projects_priority_area_id"`);
    await queryRunner.query(`DROP TABLE "projects"`);
    await queryRunner.query(`DROP TYPE "public"."lifecycle_status"`);
    await queryRunner.query(`DROP TYPE "public"."project_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_priority_areas_agreement_id"`);
    await queryRunner.query(`DROP TABLE "priority_areas"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_agreements_city_id"`);
    await queryRunner.query(`DROP TABLE "agreements"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_organisations_business_id"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
  }
}
