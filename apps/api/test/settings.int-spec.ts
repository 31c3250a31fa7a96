import { auditEvents, countStatements, useTestApp } from './support/test-app';
import { newOrganisation } from './support/factories';
import { fieldsOf } from './support/values';

const CONTACT = { email: 'Saavutettavuus@Kuopio.fi', phone: '+358 17 123 4567', organisationName: 'Kuopion kaupunki' };

describe('settings API: the accessibility statement feedback contact', () => {
  const t = useTestApp();

  async function current(): Promise<{ email: string | null; version: number; phone: string | null }> {
    return (await t.anonymous.get('/api/settings/accessibility').expect(200)).body;
  }

  it('is readable without signing in, unconfigured at first, in one statement', async () => {
    const { count, result } = await countStatements(t, () =>
      t.anonymous.get('/api/settings/accessibility').expect(200),
    );
    expect(count).toBe(1);
    expect(result.headers.etag).toBe(`"${result.body.version}"`);
    expect(result.body).toMatchObject({ email: null, phone: null, organisationName: null, version: 1 });
    expect(typeof result.body.updatedAt).toBe('string');
  });

  it('an admin updates it (version required), audited; everyone then reads the new contact', async () => {
    const before = await current();
    const res = await t.http
      .patch('/api/settings/accessibility')
      .send({ ...CONTACT, version: before.version })
      .expect(200);
    expect(res.body).toMatchObject({
      email: 'saavutettavuus@kuopio.fi',
      phone: '+358 17 123 4567',
      organisationName: 'Kuopion kaupunki',
      version: before.version + 1,
    });
    expect(await current()).toMatchObject({ email: 'saavutettavuus@kuopio.fi', version: before.version + 1 });

    const events = await auditEvents(t, { entityType: 'settings' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'update', actorName: expect.any(String) });
    expect(events[0]!.changes.email).toEqual({ old: null, new: 'saavutettavuus@kuopio.fi' });

    // null clears the optional phone; If-Match works as well as the body version.
    const cleared = await t.http
      .patch('/api/settings/accessibility')
      .set('If-Match', `"${before.version + 1}"`)
      .send({ phone: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ phone: null, email: 'saavutettavuus@kuopio.fi' });
  });

  it('refuses a missing version (428) and a stale one (409), changing nothing', async () => {
    const before = await current();
    await t.http.patch('/api/settings/accessibility').send({ email: 'x@example.fi' }).expect(428);
    const stale = await t.http
      .patch('/api/settings/accessibility')
      .send({ email: 'x@example.fi', version: before.version - 1 })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(await current()).toEqual(before);
  });

  it('refuses invalid input with field details (400), changing nothing', async () => {
    const before = await current();
    const eventsBefore = (await auditEvents(t, { entityType: 'settings' })).length;
    const res = await t.http
      .patch('/api/settings/accessibility')
      .send({ email: 'not-an-email', phone: 'call me', organisationName: '', extra: 1, version: before.version })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['email', 'extra', 'organisationName', 'phone']);
    await t.http.patch('/api/settings/accessibility').send({ email: null, version: before.version }).expect(400);
    expect(await current()).toEqual(before);
    expect(await auditEvents(t, { entityType: 'settings' })).toHaveLength(eventsBefore);
  });

  it('refuses everyone but admins: anonymous 401, others 403', async () => {
    const city = await newOrganisation(t, { kind: 'city' });
    const before = await current();
    const body = { email: 'hijack@example.fi', version: before.version };
    await t.anonymous.patch('/api/settings/accessibility').send(body).expect(401);
    for (const agent of [
      await t.as('coordinator', { cityId: city.id as string }),
      await t.as('manager', { cityId: city.id as string }),
      await t.as('liaison'),
    ]) {
      await agent.patch('/api/settings/accessibility').send(body).expect(403);
      // ...but they can read it, like everyone.
      expect((await agent.get('/api/settings/accessibility').expect(200)).body).toEqual(before);
    }
    expect(await current()).toEqual(before);
  });
});

describe('PATCH /api/me/language', () => {
  const t = useTestApp();

  it('stores the signed-in user’s own language (any role), audited; /api/me then reports it', async () => {
    const liaison = await t.as('liaison');
    const me = (await liaison.get('/api/me').expect(200)).body;
    expect(me.user.language).toBe('fi');
    const res = await liaison.patch('/api/me/language').send({ language: 'sv' }).expect(200);
    expect(res.body).toEqual({ language: 'sv' });
    expect((await liaison.get('/api/me').expect(200)).body.user.language).toBe('sv');
    const events = await auditEvents(t, { entityType: 'user', entityId: me.user.id });
    expect(events.at(-1)).toMatchObject({ action: 'update', changes: { language: { old: 'fi', new: 'sv' } } });

    // The same language again changes nothing and writes no event.
    await liaison.patch('/api/me/language').send({ language: 'sv' }).expect(200);
    expect(await auditEvents(t, { entityType: 'user', entityId: me.user.id })).toHaveLength(events.length);
  });

  it('refuses an unknown language (400) and anonymous callers (401)', async () => {
    const admin = (await t.http.get('/api/me').expect(200)).body;
    const res = await t.http.patch('/api/me/language').send({ language: 'de' }).expect(400);
    expect(fieldsOf(res)).toEqual(['language']);
    await t.http.patch('/api/me/language').send({}).expect(400);
    await t.anonymous.patch('/api/me/language').send({ language: 'en' }).expect(401);
    expect((await t.http.get('/api/me').expect(200)).body.user.language).toBe(admin.user.language);
  });
});
