import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessibilityFeedbackSettings1795847011772 implements MigrationInterface {
  name = 'AccessibilityFeedbackSettings1795847011772';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accessibility_feedback_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "email" character varying(254), "phone" character varying(40), "organisation_name" character varying(200), CONSTRAINT "PK_87fa7e03ae42dfe51953077472a" PRIMARY KEY ("id"))`,
    );
    // The table holds a single row: the contact an admin configures (null until then).
    await queryRunner.query(`INSERT INTO "accessibility_feedback_settings" DEFAULT VALUES`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "accessibility_feedback_settings"`);
  }
}
