import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling per (account, client) instead of per account and per address: failed
 * attempts record the account, the client address and the known device they came from, and
 * known_devices remembers the browsers that have signed in to each account. The recorded
 * failures are short-lived throttling state: they are cleared rather than converted.
 */
export class ThrottlePerAccountAndClient1796419888498 implements MigrationInterface {
  name = 'ThrottlePerAccountAndClient1796419888498';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "login_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_attempts_key_time"`);
    await queryRunner.query(`ALTER TABLE "login_attempts" DROP COLUMN "key"`);
    await queryRunner.query(`ALTER TABLE "login_attempts" ADD "account" character varying(320) NOT NULL`);
    await queryRunner.query(`ALTER TABLE "login_attempts" ADD "address" character varying(100) NOT NULL`);
    await queryRunner.query(`ALTER TABLE "login_attempts" ADD "device_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_login_attempts_address_time" ON "login_attempts"  ("address", "attempted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_login_attempts_account_time" ON "login_attempts"  ("account", "attempted_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "known_devices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_sign_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1337dfd94ae70a64a4c50e52ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_known_devices_user_token" ON "known_devices"  ("user_id", "token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "known_devices" ADD CONSTRAINT "FK_9a86826243304385e7b1185bfe7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "known_devices"`);
    await queryRunner.query(`DELETE FROM "login_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_attempts_account_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_attempts_address_time"`);
    await queryRunner.query(`ALTER TABLE "login_attempts" DROP COLUMN "device_id"`);
    await queryRunner.query(`ALTER TABLE "login_attempts" DROP COLUMN "address"`);
    await queryRunner.query(`ALTER TABLE "login_attempts" DROP COLUMN "account"`);
    await queryRunner.query(`ALTER TABLE "login_attempts" ADD "key" character varying(320) NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "IDX_login_attempts_key_time" ON "login_attempts" USING btree ("key", "attempted_at") `,
    );
  }
}
