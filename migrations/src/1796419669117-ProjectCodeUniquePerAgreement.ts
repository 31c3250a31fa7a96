import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Project codes are unique within an agreement, not across Salkku: a city may use a code that
 * another city's agreement already has. A project reaches its agreement through its priority
 * area, so projects get a copy of the area's agreement_id, kept by a trigger on every insert and
 * every move to another area (priority areas never move between agreements), and the unique
 * index is (agreement_id, code).
 */
export class ProjectCodeUniquePerAgreement1796419669117 implements MigrationInterface {
  name = 'ProjectCodeUniquePerAgreement1796419669117';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_projects_code"`);
    await queryRunner.query(`ALTER TABLE "projects" ADD "agreement_id" uuid`);
    await queryRunner.query(
      `UPDATE "projects" p SET "agreement_id" = pa."agreement_id" FROM "priority_areas" pa WHERE pa."id" = p."priority_area_id"`,
    );
    await queryRunner.query(`ALTER TABLE "projects" ALTER COLUMN "agreement_id" SET NOT NULL`);
    await queryRunner.query(
      `CREATE FUNCTION "projects_set_agreement_id"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         SELECT pa."agreement_id" INTO NEW."agreement_id" FROM "priority_areas" pa WHERE pa."id" = NEW."priority_area_id";
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_projects_agreement_id" BEFORE INSERT OR UPDATE OF "priority_area_id", "agreement_id" ON "projects"
       FOR EACH ROW EXECUTE FUNCTION "projects_set_agreement_id"()`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_projects_agreement_code" ON "projects"  ("agreement_id", "code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_2dd1fb98cfdce4de56b44641352" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Fails (and leaves the schema as it is) while two agreements share a project code.
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_2dd1fb98cfdce4de56b44641352"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_projects_agreement_code"`);
    await queryRunner.query(`DROP TRIGGER "TRG_projects_agreement_id" ON "projects"`);
    await queryRunner.query(`DROP FUNCTION "projects_set_agreement_id"()`);
    await queryRunner.query(`ALTER TABLE "projects" DROP COLUMN "agreement_id"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_projects_code" ON "projects" USING btree ("code") `);
  }
}
