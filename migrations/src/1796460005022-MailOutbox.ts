import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail outbox (issue 13): every email is written here in the transaction of the event that
 * causes it and sent by the mail worker, so a mail server outage loses nothing and a rolled-back
 * event sends nothing; the dedupe key keeps a notice from being written twice (two API instances
 * running the same reminder). Users get a switch for the weekly digest.
 */
export class MailOutbox1796460005022 implements MigrationInterface {
  name = 'MailOutbox1796460005022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."mail_kind" AS ENUM('round_opened', 'round_reminder', 'report_overdue', 'report_returned', 'report_approved', 'weekly_digest')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."mail_status" AS ENUM('pending', 'sent', 'failed')`);
    await queryRunner.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "kind" "public"."mail_kind" NOT NULL, "user_id" uuid, "recipient_email" character varying(254) NOT NULL, "language" "public"."language" NOT NULL, "params" jsonb NOT NULL, "dedupe_key" character varying(300), "status" "public"."mail_status" NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_mail_outbox_user_id" ON "mail_outbox"  ("user_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_mail_outbox_due" ON "mail_outbox"  ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_mail_outbox_dedupe_key" ON "mail_outbox"  ("dedupe_key") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "mail_digest" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `ALTER TABLE "mail_outbox" ADD CONSTRAINT "FK_9c7ce0e6c239f56810e7af7ceba" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "FK_9c7ce0e6c239f56810e7af7ceba"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mail_digest"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_mail_outbox_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mail_outbox_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mail_outbox_user_id"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`DROP TYPE "public"."mail_status"`);
    await queryRunner.query(`DROP TYPE "public"."mail_kind"`);
  }
}
