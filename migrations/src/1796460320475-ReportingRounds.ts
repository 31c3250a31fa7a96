import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting rounds (issue 13): rounds of an agreement's period, one period report per round and
 * project (owed → draft → submitted → approved, or returned and submitted again), and the frozen
 * report each closed round keeps (text, served byte for byte). Every row hangs on an agreement or
 * a project, so its city is the agreement's and moves with it. IDX_period_reports_outstanding
 * serves the projects' overdue flag (the project list reads it per row of a page).
 */
export class ReportingRounds1796460320475 implements MigrationInterface {
  name = 'ReportingRounds1796460320475';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reporting_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "agreement_id" uuid NOT NULL, "period" character varying(7) NOT NULL, "due_date" date NOT NULL, "instructions" text, "reminder_days_before" integer NOT NULL DEFAULT '7', "opened_by_id" uuid, "opened_by_name" character varying(200) NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_id" uuid, "closed_by_name" character varying(200), CONSTRAINT "CHK_reporting_rounds_closed" CHECK (("closed_at" IS NULL) = ("closed_by_name" IS NULL)), CONSTRAINT "CHK_reporting_rounds_period" CHECK ("period" ~ '^[0-9]{4}(-H[12])?$'), CONSTRAINT "CHK_reporting_rounds_reminder_days" CHECK ("reminder_days_before" BETWEEN 0 AND 90), CONSTRAINT "PK_12b4499b7936bbcc8e7a119c54d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reporting_rounds_open_due" ON "reporting_rounds"  ("due_date") WHERE "closed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_reporting_rounds_agreement_period" ON "reporting_rounds"  ("agreement_id", "period") `,
    );
    await queryRunner.query(
      `CREATE TABLE "frozen_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "round_id" uuid NOT NULL, "document" text NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "frozen_by_id" uuid, "frozen_by_name" character varying(200) NOT NULL, CONSTRAINT "PK_6e6024a5eff9d51a4b799f182bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_frozen_reports_round" ON "frozen_reports"  ("round_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."period_report_status" AS ENUM('owed', 'draft', 'submitted', 'returned', 'approved')`,
    );
    await queryRunner.query(
      `CREATE TABLE "period_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "project_id" uuid NOT NULL, "round_id" uuid NOT NULL, "status" "public"."period_report_status" NOT NULL DEFAULT 'owed', "health" "public"."health", "health_reasons" text, "achievements" text, "risks" text, "next_steps" text, "lifecycle_status" "public"."lifecycle_status", "return_comment" text, "return_count" integer NOT NULL DEFAULT '0', "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by_id" uuid, "submitted_by_name" character varying(200), "returned_at" TIMESTAMP WITH TIME ZONE, "returned_by_id" uuid, "returned_by_name" character varying(200), "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by_id" uuid, "approved_by_name" character varying(200), CONSTRAINT "PK_f6550890f74e302140071647080" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_period_reports_outstanding" ON "period_reports"  ("project_id") WHERE "status" IN ('owed', 'draft', 'returned')`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_period_reports_project_id" ON "period_reports"  ("project_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_period_reports_round_project" ON "period_reports"  ("round_id", "project_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "reporting_rounds" ADD CONSTRAINT "FK_4fb8ce642a7945eafb133946b07" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "frozen_reports" ADD CONSTRAINT "FK_eba9c107edf322e569ce9381152" FOREIGN KEY ("round_id") REFERENCES "reporting_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "period_reports" ADD CONSTRAINT "FK_eb9258c93dd9fdee400520af95b" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "period_reports" ADD CONSTRAINT "FK_e1a18bcc0597197c713b8a05911" FOREIGN KEY ("round_id") REFERENCES "reporting_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "period_reports" DROP CONSTRAINT "FK_e1a18bcc0597197c713b8a05911"`);
    await queryRunner.query(`ALTER TABLE "period_reports" DROP CONSTRAINT "FK_eb9258c93dd9fdee400520af95b"`);
    await queryRunner.query(`ALTER TABLE "frozen_reports" DROP CONSTRAINT "FK_eba9c107edf322e569ce9381152"`);
    await queryRunner.query(`ALTER TABLE "reporting_rounds" DROP CONSTRAINT "FK_4fb8ce642a7945eafb133946b07"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_period_reports_round_project"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_period_reports_project_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_period_reports_outstanding"`);
    await queryRunner.query(`DROP TABLE "period_reports"`);
    await queryRunner.query(`DROP TYPE "public"."period_report_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_frozen_reports_round"`);
    await queryRunner.query(`DROP TABLE "frozen_reports"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_reporting_rounds_agreement_period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reporting_rounds_open_due"`);
    await queryRunner.query(`DROP TABLE "reporting_rounds"`);
  }
}
