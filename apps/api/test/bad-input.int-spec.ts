import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import {
  newMilestone,
  newOrganisation,
  newPayment,
  newProject,
  newStatusReport,
  newFundingDecision,
  newPriorityArea,
} from './support/factories';
import { useTestApp } from './support/test-app';

/**
 * Bad input, generated from the OpenAPI document: every operation gets wrong types, missing and
 * unknown fields, NUL and other control characters, huge strings and deep values, invalid dates,
 * uuids and numbers, in its path, query and body, as anonymous and as an admin. No answer may be a
 * 5xx, and a rejected request (4xx) may change nothing: a checksum of every table's rows (but
 * sessions and sign-in attempts, which a request may touch by design) is the same after it.
 *
 * BAD_INPUT_RUNS cases per operation (200 by default, as in CI); BAD_INPUT_SEED repeats a run.
 */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 200);
const SEED = process.env.BAD_INPUT_SEED ? Number(process.env.BAD_INPUT_SEED) : undefined;

/** Tables a request may change even when it is refused (a session's last use, failed sign-ins). */
const UNCHECKED_TABLES = /^(migrations|sessions|login_attempts)$|throttle|attempt/;

type Schema = SchemaObject | ReferenceObject;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  method: Method;
  path: string;
  operation: OperationObject;
}
interface Case {
  admin: boolean;
  url: string;
  part: { contentType: string | null; body: string | null };
  ifMatch: string | null;
}

/** The committed document (CI fails when it differs from the one the app builds). */
const doc = JSON.parse(readFileSync(join(__dirname, '../../web/src/lib/api/openapi.json'), 'utf8')) as OpenAPIObject;

function operations(document: OpenAPIObject): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (operation) found.push({ method, path, operation });
    }
  }
  return found;
}

/** Operations the admin's agent leaves to anonymous cases: they end its own session. */
const ANONYMOUS_ONLY = new Set(['post /api/auth/logout']);

/** `{"a":{"a":…}}` as raw JSON text, `depth` levels deep. */
const nestedText = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const nestedValue = (depth: number): unknown => JSON.parse(nestedText(depth)) as unknown;

/** Percent-encoded as a browser would (a lone surrogate becomes U+FFFD). */
const pct = (text: string): string =>
  encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

const CONTROL_TEXTS = [
  'a\u0000b',
  '\u0000',
  '\u0001x',
  'x\u0008',
  '\u001b[31m',
  'a\u007fb',
  'rivi\u000bväli',
  '\u001f',
];
const HUGE_TEXTS = ['x'.repeat(20_000), 'ä'.repeat(70_000), '='.repeat(5_000)];
const BAD_DATES = [
  '2021-02-30',
  '2021-13-01',
  '0000-00-00',
  '99999-12-31',
  '2021-1-1',
  '20210101',
  '1e5',
  '-2021-01-01',
  '2021-02-29T25:00:00Z',
];
const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '7d0b3c1e-25a4-4a8c-9d2f-1b3c4d5e6f7',
  '7d0b3c1e-25a4-4a8c-9d2f-1b3c4d5e6f70\u0000',
  "' OR 1=1 --",
];
const BAD_NUMBERS = [
  '99999999999999999999',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '1.005',
  '1,5',
  ' 1',
  '１２',
  '-0',
  '9007199254740993',
  '99999999999999999999999.99',
];
const ODD_TEXTS = [
  '',
  ' ',
  '\ud800',
  '../../etc/passwd',
  '%00',
  '{}',
  '[]',
  'null',
  '__proto__',
  '<script>',
  '\u202e',
  '😀'.repeat(50),
];

/** A wrong value of any kind, for any field or parameter. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, [], {}, [[[]]], {
    __proto__: { admin: true },
  }),
  fc.constantFrom(...CONTROL_TEXTS, ...HUGE_TEXTS, ...BAD_DATES, ...BAD_UUIDS, ...BAD_NUMBERS, ...ODD_TEXTS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constant(nestedValue(40)),
  fc.array(fc.string({ unit: 'binary', maxLength: 5 }), { maxLength: 5 }),
  fc.anything({ maxDepth: 3 }),
);

/** A wrong value as a query string or path segment can carry it. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...CONTROL_TEXTS,
    ...HUGE_TEXTS.map((h) => h.slice(0, 3000)),
    ...BAD_DATES,
    ...BAD_UUIDS,
    ...BAD_NUMBERS,
    ...ODD_TEXTS,
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);

describe('bad input generated from the OpenAPI document', () => {
  const t = useTestApp();
  let seedIds: string[];
  let checksumSql: string;

  beforeAll(async () => {
    // One listening server for every request (supertest would otherwise open one per request).
    await new Promise<void>((done) => (t.app.getHttpServer() as Server).listen(0, '127.0.0.1', done));
    // Records to aim at: generated uuids are sometimes those of real records.
    const area = await newPriorityArea(t);
    const project = await newProject(t, { priorityAreaId: area.id });
    const decision = await newFundingDecision(t, { agreementId: area.agreementId, projectId: project.id });
    const payment = await newPayment(t, { fundingDecisionId: decision.id });
    const milestone = await newMilestone(t, { projectId: project.id });
    const report = await newStatusReport(t, { projectId: project.id });
    const organisation = await newOrganisation(t);
    const [user] = await t.dataSource.query<Array<{ id: string }>>('SELECT id FROM users LIMIT 1');
    seedIds = [area, project, decision, payment, milestone, report, organisation]
      .map((r) => String(r.id))
      .concat(String(area.agreementId), user!.id);

    const tables = await t.dataSource.query<Array<{ name: string }>>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const checked = tables.map((r) => r.name).filter((name) => !UNCHECKED_TABLES.test(name));
    // Per table its row count and the newest row version (xmin): any insert, update or delete
    // that commits changes one of them, and reading them costs far less than hashing every row.
    checksumSql = `SELECT concat_ws('|', ${checked
      .map((name) => `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM "${name}")`)
      .join(', ')}) AS sum`;
  });

  async function checksum(): Promise<string> {
    const [row] = await t.dataSource.query<Array<{ sum: string }>>(checksumSql);
    return row!.sum;
  }

  function resolve(schema: Schema | undefined): SchemaObject {
    if (!schema) return {};
    if ('$ref' in schema) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return resolve(doc.components?.schemas?.[name]);
    }
    if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0]), ...schema, allOf: undefined };
    return schema;
  }

  /** A value the field could well take (so that other fields' bad values are what gets refused). */
  function plausible(raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const schema = resolve(raw);
    if (schema.enum?.length) return fc.constantFrom(...(schema.enum as unknown[]));
    switch (schema.type) {
      case 'string':
        if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...seedIds), fc.uuid());
        if (schema.format === 'date') return fc.constantFrom('2021-02-09', '2024-06-30', '2027-12-31');
        if (schema.format === 'date-time') return fc.constant(new Date(0).toISOString());
        if (schema.format === 'email') return fc.constantFrom('uusi@salkku.example', 'x@y.fi');
        if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 40);
        return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
      case 'integer':
      case 'number': {
        // Up to 1000, or up to 1000 above a minimum beyond it (a year's range starts at 2000).
        const min = schema.minimum ?? -5;
        return fc.integer({ min, max: Math.min(schema.maximum ?? 1000, Math.max(1000, min + 1000)) });
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 2 ? fc.constant([]) : fc.array(plausible(schema.items, depth + 1), { maxLength: 3 });
      case 'object':
      case undefined:
        if (!schema.properties || depth > 2) return fc.constant({});
        return fc.record(
          Object.fromEntries(Object.entries(schema.properties).map(([name, s]) => [name, plausible(s, depth + 1)])),
          { requiredKeys: schema.required ?? [] },
        );
      default:
        return fc.constant(null);
    }
  }

  /** A body for an object schema: each field missing, plausible or wrong, with unknown fields now and then. */
  function objectBody(raw: Schema | undefined): fc.Arbitrary<unknown> {
    const schema = resolve(raw);
    const fields = Object.entries(schema.properties ?? {}).map(
      ([name, s]) =>
        [
          name,
          fc.oneof(
            { weight: 2, arbitrary: fc.constant(undefined) },
            { weight: 3, arbitrary: plausible(s) },
            { weight: 4, arbitrary: hostileValue },
          ),
        ] as const,
    );
    return fc
      .tuple(
        fc.record(Object.fromEntries(fields)),
        fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), hostileValue, { maxKeys: 2 }),
        fc.boolean(),
      )
      .map(([known, unknown, withUnknown]) => {
        const body = withUnknown ? { ...unknown, ...known } : { ...known };
        for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
        return body;
      });
  }

  function bodyArbitrary(
    operation: OperationObject,
  ): fc.Arbitrary<{ contentType: string | null; body: string | null }> {
    const content = operation.requestBody && 'content' in operation.requestBody ? operation.requestBody.content : null;
    const schema = content?.['application/json']?.schema;
    const json = (value: fc.Arbitrary<unknown>) =>
      value.map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' }));
    return fc.oneof(
      { weight: 10, arbitrary: json(objectBody(schema)) },
      { weight: 1, arbitrary: json(hostileValue) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          { contentType: 'application/json', body: nestedText(15_000) },
          { contentType: 'application/json', body: `[${nestedText(33)}]` },
          { contentType: 'application/json', body: '{"name": ' },
          { contentType: 'application/json', body: '{"a":1,"a":2}' },
          { contentType: 'application/json', body: '"\\u0000"' },
          { contentType: 'application/json', body: '' },
          { contentType: 'application/x-www-form-urlencoded', body: 'email=a%40b.fi&password=x' },
          { contentType: 'text/plain', body: '{"name":"x"}' },
          { contentType: 'application/json; charset=latin1', body: '{}' },
          { contentType: null, body: null },
        ),
      },
    );
  }

  function queryArbitrary(parameters: ParameterObject[]): fc.Arbitrary<string> {
    const query = parameters.filter((p) => p.in === 'query');
    const one = (name: string, schema: Schema | undefined) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 2, arbitrary: plausible(schema).map((v) => `${pct(name)}=${pct(String(v))}`) },
        { weight: 4, arbitrary: hostileText.map((v) => `${pct(name)}=${pct(v)}`) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            `${name}[]=a&${name}[]=b`,
            `${name}[a][b][c][d][e][f][g]=1`,
            `${name}=a&${name}=b`,
            `${name}[__proto__][x]=1`,
            name,
          ),
        },
      );
    return fc
      .tuple(
        fc.tuple(...query.map((p) => one(p.name, p.schema)), fc.constant(null)),
        fc.option(fc.tuple(fc.string({ maxLength: 10 }), hostileText), { freq: 5 }),
      )
      .map(([values, unknown]) => {
        const parts = values.filter((v): v is string => v !== null);
        if (unknown) parts.push(`${pct(unknown[0] || 'x')}=${pct(unknown[1])}`);
        return parts.join('&');
      });
  }

  function caseArbitrary({ method, path, operation }: Operation, adminAllowed: boolean): fc.Arbitrary<Case> {
    const parameters = (operation.parameters ?? []) as ParameterObject[];
    const pathNames = parameters.filter((p) => p.in === 'path').map((p) => p.name);
    const segment = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...seedIds) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 4, arbitrary: hostileText.map(pct) },
    );
    // GET never has a body; DELETE now and then gets one.
    const none = fc.constant({ contentType: null, body: null });
    const body = operation.requestBody
      ? bodyArbitrary(operation)
      : method === 'get'
        ? none
        : fc.oneof({ weight: 4, arbitrary: none }, { weight: 1, arbitrary: bodyArbitrary(operation) });
    return fc.record({
      admin: adminAllowed ? fc.boolean() : fc.constant(false),
      url: fc
        .tuple(fc.tuple(...pathNames.map(() => segment), fc.constant('')), queryArbitrary(parameters))
        .map(([segments, query]) => {
          let url = path;
          pathNames.forEach((name, i) => (url = url.replace(`{${name}}`, segments[i]!)));
          return query ? `${url}?${query}` : url;
        }),
      part: body,
      ifMatch: fc.option(fc.constantFrom('"1"', '"2"', '*', '"abc"', 'W/"1"', '"99999999999999999999"', '"-1"'), {
        freq: 3,
      }),
    });
  }

  it('covers every operation the app serves', async () => {
    const live = (await t.anonymous.get('/api/openapi.json').expect(200)).body as OpenAPIObject;
    const names = (document: OpenAPIObject) =>
      operations(document)
        .map((o) => `${o.method} ${o.path}`)
        .sort();
    expect(names(doc)).toEqual(names(live));
    expect(names(doc).length).toBeGreaterThan(50);
  });

  it('sees a write in its checksum (so that "nothing changed" means something)', async () => {
    const before = await checksum();
    const created = await newOrganisation(t);
    const afterCreate = await checksum();
    expect(afterCreate).not.toBe(before);
    await t.http
      .patch(`/api/organisations/${String(created.id)}`)
      .send({ version: 1, name: 'Muutettu Oy' })
      .expect(200);
    expect(await checksum()).not.toBe(afterCreate);
  });

  it.each(operations(doc).map((op) => [op.method.toUpperCase(), op.path, op] as const))(
    '%s %s: no 5xx, and a refused request changes nothing',
    async (_method, _path, op) => {
      const adminAllowed = !ANONYMOUS_ONLY.has(`${op.method} ${op.path}`);
      let before = await checksum();
      await fc.assert(
        fc.asyncProperty(caseArbitrary(op, adminAllowed), async (c) => {
          const res = await send(op, c);
          const who = c.admin ? 'admin' : 'anonymous';
          const request = `${who} ${op.method.toUpperCase()} ${c.url.slice(0, 300)} ${c.part.contentType ?? ''} ${(c.part.body ?? '').slice(0, 300)}`;
          if (res.status >= 500) throw new Error(`${request}\n→ ${res.status} ${res.text}`);
          const after = await checksum();
          if (res.status >= 400 && after !== before) {
            throw new Error(`${request}\n→ ${res.status} ${res.text}, but the data changed`);
          }
          before = after;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // The admin's session survived every case (or later operations would test only 401s).
      await t.http.get('/api/me').expect(200);
    },
    120_000,
  );

  async function send(op: Operation, c: Case): Promise<{ status: number; text: string }> {
    const agent: TestAgent = c.admin ? t.http : t.anonymous;
    let req = agent[op.method](c.url);
    if (c.ifMatch) req = req.set('If-Match', c.ifMatch);
    if (c.part.contentType) req = req.set('Content-Type', c.part.contentType);
    const res = c.part.body !== null ? await req.send(c.part.body) : await req;
    return { status: res.status, text: res.text?.slice(0, 500) ?? '' };
  }
});
