import type { Response, Test } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { auditEvents, countStatements, rowCount, type TestApp } from './test-app';
import { fieldsOf, idsOf, UNKNOWN_ID, type Json } from './values';

/**
 * Checks that several specs share: the same rule asserted the same way wherever it applies. A spec
 * imports them as one namespace, `import * as check from './support/checks'`, and calls
 * `check.rejects(...)`; what is particular to a resource stays in its spec, and the rules every
 * resource keeps are tested once for all in resource-rules.int-spec.ts.
 */

/** A request, or its response once sent (supertest sends a request when it is awaited). */
type Sent = Test | Response | Promise<Response>;

// Reading records and lists.

/** The record at `url` reads back exactly as `record`, with its version as the ETag. */
export async function readsBack(agent: TestAgent, url: string, record: Json): Promise<void> {
  const read = await agent.get(url).expect(200);
  expect(read.headers.etag).toBe(`"${record.version as number}"`);
  expect(read.body).toEqual(record);
}

/**
 * A new record is found as it was created: by its id (with its version as the ETag), and as the
 * only item of a first page of the default size for the list query.
 */
export async function foundAsCreated(agent: TestAgent, base: string, record: Json, query: Json): Promise<void> {
  await readsBack(agent, `${base}/${record.id as string}`, record);
  const list = await agent.get(base).query(query).expect(200);
  expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 25 });
  expect(list.body.items).toEqual([record]);
}

/** The ids of the list's items for the query, in order. */
export async function listIds(agent: TestAgent, base: string, query: Json = {}): Promise<string[]> {
  return idsOf(await agent.get(base).query(query).expect(200));
}

/** The page the query asks for (`page`, `pageSize`) counts `total` records and holds the records `ids`, in order. */
export async function page(
  agent: TestAgent,
  base: string,
  query: Json & { page: number; pageSize: number },
  expected: { total: number; ids: unknown[] },
): Promise<void> {
  const res = await agent.get(base).query(query).expect(200);
  expect(res.body).toMatchObject({ total: expected.total, page: query.page, pageSize: query.pageSize });
  expect(idsOf(res)).toEqual(expected.ids);
}

/**
 * Another city's record (`id` under `base`) answers exactly as a missing one would: 404 with the
 * same body but for the id in the message (and the request id).
 */
export async function hiddenLikeMissing(agent: TestAgent, base: string, id: unknown): Promise<Response> {
  const hidden = await agent.get(`${base}/${id as string}`).expect(404);
  const missing = await agent.get(`${base}/${UNKNOWN_ID}`).expect(404);
  expect(hidden.body).toEqual({
    ...missing.body,
    message: (missing.body.message as string).replace(UNKNOWN_ID, id as string),
    requestId: hidden.body.requestId,
  });
  return hidden;
}

// Refused writes.

/** A 400 VALIDATION_FAILED answer that names exactly `fields` (in any order) in its details. */
export function invalid(res: Response, fields: string[]): void {
  expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  expect(fieldsOf(res)).toEqual([...fields].sort());
}

/** Sends the request and expects it refused with 400 VALIDATION_FAILED naming exactly `fields`; returns the answer. */
export async function rejects(request: Test, fields: string[]): Promise<Response> {
  const res = await request.expect(400);
  invalid(res, fields);
  return res;
}

/** Each request (`send(body)`) is refused with 400 VALIDATION_FAILED naming exactly its case's fields. */
async function refusesEach(send: (body: Json) => Test, cases: Array<[body: Json, fields: string[]]>): Promise<void> {
  for (const [body, fields] of cases) {
    const res = await send(body).expect(400);
    expect({ body, code: res.body.code, fields: fieldsOf(res) }).toEqual({ body, code: 'VALIDATION_FAILED', fields });
  }
}

/** Each new record's body, POSTed to `base`, is refused with 400 naming exactly the case's fields. */
export function invalidCreates(agent: TestAgent, base: string, cases: Array<[Json, string[]]>): Promise<void> {
  return refusesEach((body) => agent.post(base).send(body), cases);
}

/** Each update of the record at `url` (with version 1 and the case's body) is refused with 400 naming the case's fields. */
export function invalidUpdates(agent: TestAgent, url: string, cases: Array<[Json, string[]]>): Promise<void> {
  return refusesEach((body) => agent.patch(url).send({ version: 1, ...body }), cases);
}

/**
 * Runs `act` (writes that must all be refused) and expects it to have changed nothing: the row
 * counts of the tables in `rows`, and the audit events of the entity type `events` (`'all'`: every
 * event), are as they were before.
 */
export async function nothingChanged(
  t: TestApp,
  what: { rows?: string[]; events?: string },
  act: () => Promise<unknown>,
): Promise<void> {
  const tables = what.rows ?? [];
  const counts = async () => {
    const counted: number[] = [];
    for (const table of tables) counted.push(await rowCount(t, table));
    return counted;
  };
  const events = () => auditEvents(t, what.events === 'all' ? {} : { entityType: what.events });
  const before = { rows: await counts(), events: what.events ? await events() : [] };
  await act();
  const after = await counts();
  for (const [i, table] of tables.entries()) expect({ table, rows: after[i] }).toEqual({ table, rows: before.rows[i] });
  if (what.events) expect(await events()).toEqual(before.events);
}

// Who may call a route.

/**
 * The list, detail and write routes of one record of a resource (the requests are sent when
 * awaited): POST, and PATCH and DELETE unless it has no `update` (an append-only resource).
 */
export function routesOf(
  agent: TestAgent,
  base: string,
  id: unknown,
  bodies: { create: Json; update?: Json },
): { reads: Test[]; writes: Test[] } {
  const url = `${base}/${id as string}`;
  const writes = [agent.post(base).send(bodies.create)];
  if (bodies.update) writes.push(agent.patch(url).send(bodies.update), agent.delete(url));
  return { reads: [agent.get(base), agent.get(url)], writes };
}

/**
 * Sends the requests one after another and expects each to be answered with the status and error
 * code; `label` (a role, say) is part of what is compared, so a failure names it.
 */
async function answered(requests: Sent[], expected: { status: number; code: string }, label: Json = {}): Promise<void> {
  for (const request of requests) {
    const res = await request;
    expect({ ...label, status: res.status, code: res.body.code }).toEqual({ ...label, ...expected });
  }
}

/** Every request, made without a session, is answered 401 UNAUTHENTICATED. */
export function unauthenticated(requests: Sent[]): Promise<void> {
  return answered(requests, { status: 401, code: 'UNAUTHENTICATED' });
}

/** Every request is refused with 403 FORBIDDEN (the caller's role lacks the permission). */
export function forbidden(requests: Sent[], label: Json = {}): Promise<void> {
  return answered(requests, { status: 403, code: 'FORBIDDEN' }, label);
}

// Ids and versions.

/**
 * An id nobody has is 404 NOT_FOUND on every route of a record (with `patch` as the body of the
 * PATCH; read-only resources have none, and `delete: false` for one without DELETE), a malformed one
 * 400 VALIDATION_FAILED.
 */
export async function unknownAndMalformedIds(
  agent: TestAgent,
  base: string,
  options: { patch?: Json; delete?: boolean } = {},
): Promise<void> {
  const [unknown, malformed] = [`${base}/${UNKNOWN_ID}`, `${base}/not-a-uuid`];
  const deletes = options.patch !== undefined && options.delete !== false;
  for (const request of [
    agent.get(unknown),
    ...(options.patch ? [agent.patch(unknown).send({ version: 1, ...options.patch })] : []),
    ...(deletes ? [agent.delete(unknown)] : []),
  ]) {
    const res = await request.expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  }
  expect((await agent.get(malformed).expect(400)).body.code).toBe('VALIDATION_FAILED');
  if (options.patch) await agent.patch(malformed).send({ version: 1 }).expect(400);
  if (deletes) await agent.delete(malformed).expect(400);
}

/**
 * Optimistic locking on a record at version 2: version 1, in the body (`stale`) or in If-Match
 * (`staleHeader`, else `stale` again), is refused with 409 STALE_VERSION, a write without a version
 * (`missing`) with 428 VERSION_REQUIRED, and a delete with If-Match "1" with 409 STALE_VERSION.
 * Whoever calls this then checks that nothing changed.
 */
export async function staleVersionsRefused(
  agent: TestAgent,
  url: string,
  writes: { stale: Json; staleHeader?: Json; missing: Json },
): Promise<void> {
  const refused: Array<[Test, number, string]> = [
    [agent.patch(url).send({ version: 1, ...writes.stale }), 409, 'STALE_VERSION'],
    [
      agent
        .patch(url)
        .set('If-Match', '"1"')
        .send(writes.staleHeader ?? writes.stale),
      409,
      'STALE_VERSION',
    ],
    [agent.patch(url).send(writes.missing), 428, 'VERSION_REQUIRED'],
    [agent.delete(url).set('If-Match', '"1"'), 409, 'STALE_VERSION'],
  ];
  for (const [request, status, code] of refused) {
    const res = await request.expect(status);
    expect(res.body.code).toBe(code);
  }
}

/**
 * The writes a versioned record at version 1 that is in use refuses, whatever the resource: a stale
 * version (409) and none at all (428) on update, an update of an unknown id (404), a stale delete
 * (409) and a delete while in use (409 IN_USE). `field` is a text field of the resource to send.
 */
export async function versionedWritesRefused(
  agent: TestAgent,
  base: string,
  id: unknown,
  field: string,
  staleVersion = 2,
): Promise<void> {
  const url = `${base}/${id as string}`;
  await agent
    .patch(url)
    .send({ version: staleVersion, [field]: 'Vanha' })
    .expect(409);
  await agent
    .patch(url)
    .send({ [field]: 'Ei versiota' })
    .expect(428);
  await agent
    .patch(`${base}/${UNKNOWN_ID}`)
    .send({ version: 1, [field]: 'X' })
    .expect(404);
  await agent.delete(url).set('If-Match', `"${staleVersion}"`).expect(409);
  const inUse = await agent.delete(url).expect(409);
  expect(inUse.body.code).toBe('IN_USE');
}

// The SQL statement bound.

/** Sends the request and expects it to have cost the app at most 2 SQL statements; returns the response. */
export async function inTwoStatements(t: TestApp, request: () => Test | Promise<Response>): Promise<Response> {
  const { count, result } = await countStatements(t, request);
  expect(count).toBeLessThanOrEqual(2);
  return result;
}

/**
 * Each query of the list is answered in at most 2 SQL statements with a page as full as the total
 * allows (`pageSize` 25 and `page` 1 unless given). Returns the responses for checks of their own.
 */
export async function pagesInTwoStatements(
  t: TestApp,
  agent: TestAgent,
  base: string,
  queries: Array<Json & { page?: number; pageSize?: number }>,
): Promise<Response[]> {
  const responses: Response[] = [];
  for (const query of queries) {
    const res = await inTwoStatements(t, () => agent.get(base).query(query).expect(200));
    const pageSize = query.pageSize ?? 25;
    const before = ((query.page ?? 1) - 1) * pageSize;
    expect(res.body.items.length).toBe(Math.max(0, Math.min(pageSize, res.body.total - before)));
    responses.push(res);
  }
  return responses;
}
