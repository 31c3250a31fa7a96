import type { ArgumentsHost } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { FIELD_OF_CONSTRAINT } from '../src/common/database-errors';
import { ErrorFilter } from '../src/common/error.filter';
import { newOrganisation, newProject } from './support/factories';
import { useTestApp } from './support/test-app';

/**
 * Database errors leave the API as Salkku's own codes and messages: no constraint, index, table
 * or column name, no key value and no SQL text in any body, whatever PostgreSQL said.
 */

/** What must never appear in an error body. */
const INTERNALS =
  /FK_|UQ_|CHK_|PK_|IDX_|TRG_|Key \(|violates|constraint|relation|\btable\b|_id\b|business_id|projects\b|organisations|priority_areas|INSERT|UPDATE|SELECT|DELETE|bigint|syntax/;

function expectNoInternals(body: unknown, ...secrets: Array<string | undefined>): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(INTERNALS);
  for (const secret of secrets) if (secret) expect(text).not.toContain(secret);
}

/** The error filter's answer to an exception, as it would go out over HTTP. */
function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const out = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    status(code: number) {
      out.status = code;
      return response;
    },
    json(body: Record<string, unknown>) {
      out.body = body;
      return response;
    },
    setHeader: () => response,
    getHeader: () => undefined,
  };
  const request = { method: 'GET', url: '/api/test', originalUrl: '/api/test', headers: {} };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return out;
}

describe('database errors', () => {
  const t = useTestApp();

  it('answers a duplicate business ID with 409 DUPLICATE on businessId, without the key or the index', async () => {
    await newOrganisation(t, { businessId: '0737546-2' });
    const res = await t.http
      .post('/api/organisations')
      .send({ name: 'Kopio', kind: 'company', businessId: '0737546-2' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'DUPLICATE', problems: { businessId: [{ code: 'duplicate' }] } });
    expectNoInternals(res.body, '0737546-2');
  });

  it('answers deleting a referenced record with 409 IN_USE, without the key or the foreign key', async () => {
    const lead = await newOrganisation(t);
    await newProject(t, { leadOrganisationId: lead.id });
    const res = await t.http.delete(`/api/organisations/${String(lead.id)}`).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'IN_USE' });
    expectNoInternals(res.body, String(lead.id));
  });

  it('bounds page: page=99999999999999999999 is a 400 on page, not a database error', async () => {
    for (const path of ['/api/projects', '/api/organisations', '/api/audit-events']) {
      const res = await t.http.get(`${path}?page=99999999999999999999`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', problems: { page: [{ code: 'tooLarge' }] } });
      expectNoInternals(res.body);
    }
    await t.http.get('/api/projects?page=1000000').expect(200);
  });

  describe('every SQLSTATE class the filter maps', () => {
    let projectId: string;
    let leadId: string;
    let businessId: string;
    beforeAll(async () => {
      businessId = '0171450-7';
      await newOrganisation(t, { businessId });
      const lead = await newOrganisation(t);
      leadId = String(lead.id);
      projectId = String((await newProject(t, { leadOrganisationId: leadId })).id);
      await t.dataSource.query(`INSERT INTO participants (project_id, organisation_id, role) VALUES ($1, $2, 'lead')`, [
        projectId,
        leadId,
      ]);
    });

    const cases: Array<[string, () => [string, unknown[]], number, string, string | undefined]> = [
      [
        'unique violation',
        () => [`INSERT INTO organisations (name, kind, business_id) VALUES ('x', 'company', $1)`, [businessId]],
        409,
        'DUPLICATE',
        'businessId',
      ],
      [
        'foreign key: delete of a referenced record',
        () => [`DELETE FROM organisations WHERE id = $1`, [leadId]],
        409,
        'IN_USE',
        undefined,
      ],
      [
        'foreign key: a missing reference',
        () => [`INSERT INTO priority_areas (agreement_id, name_fi) VALUES ($1, 'x')`, [randomUUID()]],
        400,
        'VALIDATION_FAILED',
        'agreementId',
      ],
      [
        'check violation',
        () => [
          `UPDATE projects SET planned_start = '2030-01-01', planned_end = '2020-01-01' WHERE id = $1`,
          [projectId],
        ],
        400,
        'VALIDATION_FAILED',
        'plannedEnd',
      ],
      [
        'unique violation: an organisation twice in a project',
        () => [
          `INSERT INTO participants (project_id, organisation_id, role) VALUES ($1, $2, 'partner')`,
          [projectId, leadId],
        ],
        409,
        'DUPLICATE',
        'organisationId',
      ],
      [
        "check violation: a participant's period ending before it starts",
        () => [
          `UPDATE participants SET starts_on = '2030-01-01', ends_on = '2020-01-01' WHERE project_id = $1`,
          [projectId],
        ],
        400,
        'VALIDATION_FAILED',
        'endsOn',
      ],
      [
        "check violation: a participant's negative support amount",
        () => [`UPDATE participants SET support_amount = -1 WHERE project_id = $1`, [projectId]],
        400,
        'VALIDATION_FAILED',
        'supportAmount',
      ],
      [
        'not null violation',
        () => [`UPDATE projects SET name = NULL WHERE id = $1`, [projectId]],
        400,
        'VALIDATION_FAILED',
        'name',
      ],
      [
        'text too long',
        () => [`UPDATE projects SET code = repeat('x', 50) WHERE id = $1`, [projectId]],
        400,
        'VALIDATION_FAILED',
        'record',
      ],
      [
        'number out of range',
        () => [`SELECT $1::bigint`, ['99999999999999999999']],
        400,
        'VALIDATION_FAILED',
        'record',
      ],
      ['invalid text representation', () => [`SELECT $1::int`, ['abc']], 400, 'VALIDATION_FAILED', 'record'],
      ['invalid date', () => [`SELECT $1::date`, ['not a date']], 400, 'VALIDATION_FAILED', 'record'],
      ['date out of range', () => [`SELECT $1::date`, ['2021-02-30']], 400, 'VALIDATION_FAILED', 'record'],
      ['a NUL character', () => [`SELECT $1::text`, ['a\u0000b']], 400, 'VALIDATION_FAILED', 'record'],
    ];

    it.each(cases)(
      '%s: its own code on its field, nothing of the database in the body',
      async (_name, sql, status, code, field) => {
        const [text, params] = sql();
        const error: unknown = await t.dataSource.query(text, params).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(QueryFailedError);
        const driverError = (error as QueryFailedError<Error & { detail?: string; constraint?: string }>).driverError;
        const { status: sent, body } = answer(error);
        expect({ sent, code: body.code }).toEqual({ sent: status, code });
        if (field) expect(Object.keys(body.problems as object)).toEqual([field]);
        expectNoInternals(body, driverError.detail, driverError.constraint, driverError.message, ...params.map(String));
      },
    );
  });

  it('knows the field of every unique index and check constraint of the schema', async () => {
    const rows = await t.dataSource.query<Array<{ name: string }>>(
      `SELECT conname AS name FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('u', 'c')
       UNION
       SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class r ON r.oid = i.indrelid
       WHERE i.indisunique AND NOT i.indisprimary AND r.relnamespace = 'public'::regnamespace
         AND r.relname NOT IN ('migrations', 'sessions')`,
    );
    const unknown = rows.map((r) => r.name).filter((name) => !(name in FIELD_OF_CONSTRAINT));
    expect(unknown).toEqual([]);
  });
});
