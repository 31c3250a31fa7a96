import type { INestApplication } from '@nestjs/common';
import type { Language } from '@salkku/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig, type AppConfig } from '../src/config/config';
import { MailWorker, backoffSeconds } from '../src/modules/mail/mail.worker';
import { enqueueMail, MailProducers, type OutboxEntry } from '../src/modules/mail/outbox';
import { createScratchPostgres, findPostgresBinaries, type ScratchPostgres } from './support/scratch-postgres';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from './support/smtp';
import { createTestApp, signedInUser, type TestApp } from './support/test-app';

/**
 * Email through the outbox (issue 13), against a real SMTP server started by the test
 * (support/smtp.ts) and real PostgreSQL: a message exists only if its event commits, arrives once
 * in its recipient's language with a link into Salkku, survives a mail server outage, is sent
 * once by two API instances on one database, and with no SMTP_URL stays for admins to read.
 */

const PUBLIC_URL = 'https://salkku.test.example';
const MAIL_FROM = 'Salkku <salkku@test.example>';
const MAX_ATTEMPTS = 3;

interface OutboxDbRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
}

let sequence = 0;

/** A report_approved notice to a user, with a project name of its own (so a test can find its message). */
function approved(userId: string, options: { dedupeKey?: string; projectName?: string } = {}): OutboxEntry {
  const n = ++sequence;
  return {
    kind: 'report_approved',
    userId,
    params: {
      roundId: randomUUID(),
      reportId: randomUUID(),
      projectName: options.projectName ?? `Hanke ${n}`,
      period: '2025-H2',
      approvedBy: 'Matti Virtanen',
    },
    dedupeKey: options.dedupeKey,
  };
}

function digest(userId: string): OutboxEntry {
  return {
    kind: 'weekly_digest',
    userId,
    params: {
      items: [
        {
          roundId: randomUUID(),
          reportId: randomUUID(),
          agreementTitle: 'Testisopimus',
          projectName: `Digestihanke ${++sequence}`,
          period: '2025',
          dueDate: '2026-01-31',
          status: 'owed',
          overdue: false,
        },
      ],
    },
    dedupeKey: `digest:2026-W49:${userId}:${sequence}`,
  };
}

function enqueue(t: TestApp, entries: OutboxEntry[]): Promise<number> {
  return t.dataSource.transaction((manager) => enqueueMail(manager, entries));
}

function projectOf(entry: OutboxEntry): string {
  return (entry.params as { projectName: string }).projectName;
}

/** The messages received whose subject names the project. */
function about(received: ReceivedMail[], projectName: string): ReceivedMail[] {
  return received.filter((m) => m.subject.includes(`${projectName},`));
}

async function outboxRows(t: TestApp, userId: string): Promise<OutboxDbRow[]> {
  return t.dataSource.query<OutboxDbRow[]>(
    `SELECT id, status, attempts, last_error, next_attempt_at, sent_at FROM mail_outbox WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  );
}

/** A user with an address and a language, signed in. */
async function recipient(t: TestApp, language: Language = 'fi') {
  const user = await signedInUser(t, 'liaison');
  if (language !== 'fi') await user.agent.patch('/api/me/language').send({ language }).expect(200);
  const [row] = await t.dataSource.query<Array<{ email: string }>>('SELECT email FROM users WHERE id = $1', [user.id]);
  return { ...user, email: row!.email };
}

const workerOf = (app: TestApp) => app.app.get(MailWorker);

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** A PostgreSQL server to test on (TEST_DATABASE_URL): without it the app runs on the embedded database. */
const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

describe('mail through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  const mailConfig = (): Partial<AppConfig> => ({
    smtpUrl: smtp.url,
    mailFrom: MAIL_FROM,
    publicUrl: PUBLIC_URL,
    mailMaxAttempts: MAX_ATTEMPTS,
  });
  const worker = (app: TestApp = t) => workerOf(app);

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await createTestApp({ config: mailConfig() });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends nothing for an event that rolls back, and the message of one that commits', async () => {
    const user = await recipient(t);
    const rolledBack = approved(user.id);
    const committed = approved(user.id);
    await expect(
      t.dataSource.transaction(async (manager) => {
        expect(await enqueueMail(manager, [rolledBack])).toBe(1);
        throw new Error('the event fails after writing its notice');
      }),
    ).rejects.toThrow('the event fails');
    await enqueue(t, [committed]);

    const report = await worker().tick();
    expect(report).toMatchObject({ sent: 1, errors: 0 });
    await smtp.waitFor((r) => about(r, projectOf(committed)).length === 1);
    await settle();
    expect(about(smtp.received, projectOf(rolledBack))).toHaveLength(0);
    expect(await outboxRows(t, user.id)).toHaveLength(1);
  });

  it('delivers each message once, in its recipient’s language, from MAIL_FROM, with a link into Salkku', async () => {
    const users = { fi: await recipient(t, 'fi'), sv: await recipient(t, 'sv'), en: await recipient(t, 'en') };
    const entries = {
      fi: approved(users.fi.id, { projectName: 'Vesiklusteri-fi' }),
      sv: approved(users.sv.id, { projectName: 'Vesiklusteri-sv' }),
      en: approved(users.en.id, { projectName: 'Vesiklusteri-en' }),
    };
    expect(await enqueue(t, Object.values(entries))).toBe(3);

    expect(await worker().tick()).toMatchObject({ sent: 3, retrying: 0, failed: 0, errors: 0 });
    await smtp.waitFor((r) => (['fi', 'sv', 'en'] as const).every((l) => about(r, projectOf(entries[l])).length > 0));
    const [fi] = about(smtp.received, 'Vesiklusteri-fi');
    const [sv] = about(smtp.received, 'Vesiklusteri-sv');
    const [en] = about(smtp.received, 'Vesiklusteri-en');
    expect(fi!.subject).toBe('Raportti hyväksytty: Vesiklusteri-fi, 2. puolivuosi 2025');
    expect(sv!.subject).toBe('Rapport godkänd: Vesiklusteri-sv, 2:a halvåret 2025');
    expect(en!.subject).toBe('Report approved: Vesiklusteri-en, H2 2025');
    expect(fi!.text).toContain('Matti Virtanen hyväksyi hankkeen Vesiklusteri-fi raportin');
    const params = entries.fi.params as { roundId: string; reportId: string };
    expect(fi!.text).toContain(`${PUBLIC_URL}/rounds/${params.roundId}/reports/${params.reportId}`);
    expect(fi!.html).toContain(`href="${PUBLIC_URL}/rounds/${params.roundId}/reports/${params.reportId}"`);
    expect(fi!.to).toEqual([users.fi.email]);
    expect(fi!.envelopeTo).toEqual([users.fi.email]);
    expect(fi!.from).toBe('salkku@test.example');

    for (const user of Object.values(users)) {
      const [row] = await outboxRows(t, user.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      expect(row!.sent_at).not.toBeNull();
    }
    // Nothing is due any more: a further tick sends nothing.
    expect(await worker().tick()).toMatchObject({ sent: 0 });
    await settle();
    expect(about(smtp.received, 'Vesiklusteri-fi')).toHaveLength(1);
  });

  it('writes a dedupe key once, and nothing to an inactive user', async () => {
    const user = await recipient(t);
    const inactive = await recipient(t);
    const key = `approved:${randomUUID()}:${user.id}`;
    const first = approved(user.id, { dedupeKey: key });
    const again = approved(user.id, { dedupeKey: key });
    expect(await enqueue(t, [first])).toBe(1);
    expect(await enqueue(t, [again])).toBe(0);
    await t.dataSource.query('UPDATE users SET active = false WHERE id = $1', [inactive.id]);
    expect(await enqueue(t, [approved(inactive.id)])).toBe(0);

    await worker().tick();
    await smtp.waitFor((r) => about(r, projectOf(first)).length === 1);
    await settle();
    expect(about(smtp.received, projectOf(again))).toHaveLength(0);
    expect(await outboxRows(t, user.id)).toHaveLength(1);
    expect(await outboxRows(t, inactive.id)).toHaveLength(0);
  });

  it('lets a user turn off the weekly digest, never the notices about their own reports', async () => {
    const user = await recipient(t);
    expect((await user.agent.get('/api/me').expect(200)).body.user.mailDigest).toBe(true);

    const off = await user.agent.patch('/api/me/mail-digest').send({ mailDigest: false }).expect(200);
    expect(off.body).toEqual({ mailDigest: false });
    expect((await user.agent.get('/api/me').expect(200)).body.user.mailDigest).toBe(false);

    const turnedOffDigest = digest(user.id);
    const notice = approved(user.id);
    expect(await enqueue(t, [turnedOffDigest, notice])).toBe(1);
    await worker().tick();
    await smtp.waitFor((r) => about(r, projectOf(notice)).length === 1);
    const rows = await t.dataSource.query<Array<{ kind: string }>>('SELECT kind FROM mail_outbox WHERE user_id = $1', [
      user.id,
    ]);
    expect(rows.map((r) => r.kind)).toEqual(['report_approved']);

    await user.agent.patch('/api/me/mail-digest').send({ mailDigest: true }).expect(200);
    const wanted = digest(user.id);
    expect(await enqueue(t, [wanted])).toBe(1);
    await worker().tick();
    const digestSubject = 'Viikkokooste: 1 raportti jätettävänä';
    await smtp.waitFor((r) => r.some((m) => m.subject === digestSubject && m.to.includes(user.email)));
    const [sent] = smtp.received.filter((m) => m.subject === digestSubject && m.to.includes(user.email));
    expect(sent!.text).toContain('Digestihanke');
    expect(sent!.text).toContain(`${PUBLIC_URL}/email-settings`);
  });

  it('refuses a digest switch that is not true or false, with the field’s problem', async () => {
    const user = await recipient(t);
    const res = await user.agent.patch('/api/me/mail-digest').send({ mailDigest: 'no' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.problems.mailDigest).toEqual([expect.objectContaining({ code: expect.any(String) })]);
    await user.agent.patch('/api/me/mail-digest').send({ mailDigest: false, extra: 1 }).expect(400);
    expect((await user.agent.get('/api/me').expect(200)).body.user.mailDigest).toBe(true);
  });

  it('keeps messages through an SMTP outage, one attempt per tick with backoff, and delivers each once when it is back', async () => {
    const user = await recipient(t);
    const entries = [approved(user.id), approved(user.id), approved(user.id)];
    const start = new Date(Date.now() + 1000);
    const second = new Date(start.getTime() + backoffSeconds(1) * 1000);
    await smtp.stop();
    try {
      await enqueue(t, entries);
      // The server is down: the tick stops after one failed attempt; the others wait untouched.
      expect(await worker().tick(start)).toMatchObject({ sent: 0, retrying: 1, failed: 0, errors: 0 });
      let rows = await outboxRows(t, user.id);
      expect(rows.map((r) => r.attempts).sort()).toEqual([0, 0, 1]);
      const tried = rows.find((r) => r.attempts === 1)!;
      expect(tried.status).toBe('pending');
      expect(tried.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(new Date(tried.next_attempt_at).getTime()).toBe(second.getTime());

      // Each further tick tries one more, until none is due before its backoff ends.
      expect(await worker().tick(start)).toMatchObject({ retrying: 1 });
      expect(await worker().tick(start)).toMatchObject({ retrying: 1 });
      expect(await worker().tick(start)).toMatchObject({ sent: 0, retrying: 0 });
      rows = await outboxRows(t, user.id);
      for (const row of rows) {
        expect(row).toMatchObject({ status: 'pending', attempts: 1 });
        expect(new Date(row.next_attempt_at).getTime()).toBe(second.getTime());
      }
      // Due again, still down: that message waits twice as long now.
      expect(await worker().tick(second)).toMatchObject({ retrying: 1 });
      rows = await outboxRows(t, user.id);
      const again = rows.find((r) => r.attempts === 2)!;
      expect(new Date(again.next_attempt_at).getTime()).toBe(second.getTime() + backoffSeconds(2) * 1000);
      expect(backoffSeconds(2)).toBe(2 * backoffSeconds(1));
    } finally {
      await smtp.start();
    }
    const later = new Date(Date.now() + 10 * 60 * 1000);
    expect(await worker().tick(later)).toMatchObject({ sent: 3, retrying: 0 });
    await smtp.waitFor((r) => entries.every((e) => about(r, projectOf(e)).length > 0));
    expect(await worker().tick(new Date(later.getTime() + 60 * 60 * 1000))).toMatchObject({ sent: 0 });
    await settle();
    for (const entry of entries) expect(about(smtp.received, projectOf(entry))).toHaveLength(1);
    const rows = await outboxRows(t, user.id);
    expect(rows.every((r) => r.status === 'sent' && r.last_error === null)).toBe(true);
    expect(rows.map((r) => r.attempts).sort()).toEqual([2, 2, 3]);
  });

  it('retries a message the server refuses and sends the others in the same tick', async () => {
    const refused = await recipient(t);
    const fine = await recipient(t);
    smtp.refuse(refused.email);
    const toRefused = approved(refused.id);
    const toFine = approved(fine.id);
    await enqueue(t, [toRefused, toFine]);
    expect(await worker().tick()).toMatchObject({ sent: 1, retrying: 1, failed: 0 });
    await smtp.waitFor((r) => about(r, projectOf(toFine)).length === 1);
    const [row] = await outboxRows(t, refused.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toMatch(/550/);

    // Once the server takes it, the retry delivers it, once.
    smtp.acceptAll();
    expect(await worker().tick(new Date(Date.now() + 60 * 60 * 1000))).toMatchObject({ sent: 1, retrying: 0 });
    await smtp.waitFor((r) => about(r, projectOf(toRefused)).length === 1);
    expect(about(smtp.received, projectOf(toFine))).toHaveLength(1);
  });

  it('gives a message up after MAIL_MAX_ATTEMPTS and shows admins why', async () => {
    const user = await recipient(t);
    const entry = approved(user.id);
    await smtp.stop();
    let when = Date.now();
    try {
      await enqueue(t, [entry]);
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        when += 2 * 60 * 60 * 1000; // past any backoff
        const report = await worker().tick(new Date(when));
        expect(report).toMatchObject(attempt < MAX_ATTEMPTS ? { retrying: 1, failed: 0 } : { retrying: 0, failed: 1 });
        if (attempt < MAX_ATTEMPTS) {
          // The wait doubles with each failure.
          const [row] = await outboxRows(t, user.id);
          expect(new Date(row!.next_attempt_at).getTime()).toBe(when + backoffSeconds(attempt) * 1000);
        }
      }
    } finally {
      await smtp.start();
    }
    const [row] = await outboxRows(t, user.id);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    // Failed is final: the server's return sends nothing.
    expect(await worker().tick(new Date(when + 24 * 60 * 60 * 1000))).toMatchObject({ sent: 0 });
    await settle();
    expect(about(smtp.received, projectOf(entry))).toHaveLength(0);

    const page = await t.http.get('/api/mail-outbox').query({ status: 'failed', pageSize: 100 }).expect(200);
    const listed = (page.body.items as Array<Record<string, unknown>>).find((m) => m.id === row!.id);
    expect(listed).toMatchObject({
      kind: 'report_approved',
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      recipientEmail: user.email,
      recipientName: user.name,
      subject: `Raportti hyväksytty: ${projectOf(entry)}, 2. puolivuosi 2025`,
      lastError: expect.stringMatching(/ECONNREFUSED|connect/i),
      sentAt: null,
    });
    expect(page.body.items.every((m: { status: string }) => m.status === 'failed')).toBe(true);
  });

  it('runs each producer in its own transaction: one that fails writes nothing and the others still run', async () => {
    const user = await recipient(t);
    let enabled = true;
    const producers = t.app.get(MailProducers);
    producers.register({
      name: 'test-failing',
      async produce(manager) {
        if (!enabled) return;
        await enqueueMail(manager, [approved(user.id, { projectName: 'Kesken jäänyt' })]);
        throw new Error('the producer breaks after writing');
      },
    });
    producers.register({
      name: 'test-working',
      async produce(manager) {
        if (!enabled) return;
        await enqueueMail(manager, [approved(user.id, { projectName: 'Toimiva tuottaja' })]);
      },
    });
    try {
      const report = await worker().tick();
      expect(report.errors).toBe(1);
      expect(report.produced).toContain('test-working');
      expect(report.produced).not.toContain('test-failing');
      expect(report.sent).toBe(1);
    } finally {
      enabled = false;
    }
    await smtp.waitFor((r) => about(r, 'Toimiva tuottaja').length === 1);
    await settle();
    expect(about(smtp.received, 'Kesken jäänyt')).toHaveLength(0);
    expect(await outboxRows(t, user.id)).toHaveLength(1);
  });

  // Two instances share a database on a PostgreSQL server; the embedded one serves one process.
  (onServer ? describe : describe.skip)('two API instances on one database', () => {
    let t2: TestApp;
    beforeAll(async () => {
      t2 = await createTestApp({ sharedWith: t, config: mailConfig() });
    });
    afterAll(async () => {
      await t2?.close();
    });

    it('deliver each of 50 messages exactly once, ticking at the same time', async () => {
      const users = [await recipient(t), await recipient(t), await recipient(t)];
      const entries = Array.from({ length: 50 }, (_, i) => approved(users[i % users.length]!.id));
      expect(await enqueue(t, entries)).toBe(50);

      const reports = await Promise.all([worker(t).tick(), worker(t2).tick(), worker(t).tick(), worker(t2).tick()]);
      expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(50);
      expect(reports.every((r) => r.errors === 0 && r.retrying === 0)).toBe(true);
      await smtp.waitFor((r) => entries.every((e) => about(r, projectOf(e)).length > 0));
      await settle();
      for (const entry of entries) expect(about(smtp.received, projectOf(entry))).toHaveLength(1);
      const [counts] = await t.dataSource.query<Array<{ sent: number; once: number }>>(
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE attempts = 1)::int AS once
         FROM mail_outbox WHERE user_id = ANY($1::uuid[])`,
        [users.map((u) => u.id)],
      );
      expect(counts).toEqual({ sent: 50, once: 50 });
    });

    it('run a producer on one instance at a time, and its dedupe keys write its message once', async () => {
      const user = await recipient(t);
      let running = 0;
      let overlapped = false;
      const runs: string[] = [];
      let enabled = true;
      const producer = (instance: string) => ({
        name: 'test-reminders',
        async produce(manager: Parameters<typeof enqueueMail>[0]) {
          if (!enabled) return;
          running++;
          if (running > 1) overlapped = true;
          runs.push(instance);
          await manager.query('SELECT pg_sleep(0.4)');
          await enqueueMail(manager, [
            approved(user.id, { dedupeKey: `test-reminder:${user.id}`, projectName: 'Muistutushanke' }),
          ]);
          running--;
        },
      });
      t.app.get(MailProducers).register(producer('a'));
      t2.app.get(MailProducers).register(producer('b'));
      try {
        const [a, b] = await Promise.all([worker(t).tick(), worker(t2).tick()]);
        expect(overlapped).toBe(false);
        expect(runs).toHaveLength(1);
        expect([...a.produced, ...b.produced].filter((name) => name === 'test-reminders')).toHaveLength(1);
        // Run again, one after the other: both run, the dedupe key keeps the message single.
        await worker(t).tick();
        await worker(t2).tick();
        expect(runs).toHaveLength(3);
      } finally {
        enabled = false;
      }
      await smtp.waitFor((r) => about(r, 'Muistutushanke').length > 0);
      await settle();
      expect(about(smtp.received, 'Muistutushanke')).toHaveLength(1);
      expect(await outboxRows(t, user.id)).toHaveLength(1);
    });
  });

  (onServer ? describe : describe.skip)('an instance without SMTP_URL', () => {
    let quiet: TestApp;
    beforeAll(async () => {
      // The same database, no mail server: this instance keeps messages for admins.
      quiet = await createTestApp({ sharedWith: t });
    });
    afterAll(async () => {
      await quiet?.close();
    });

    it('sends nothing, and the admins’ outbox shows each message as its recipient would read it', async () => {
      const user = await recipient(quiet, 'sv');
      const entry = approved(user.id, { projectName: 'Tystprojekt' });
      await enqueue(quiet, [entry]);
      expect(await worker(quiet).tick()).toMatchObject({ sent: 0, retrying: 0, errors: 0 });
      await settle();
      expect(about(smtp.received, 'Tystprojekt')).toHaveLength(0);
      const [row] = await outboxRows(quiet, user.id);
      expect(row).toMatchObject({ status: 'pending', attempts: 0, sent_at: null });

      const page = await quiet.http
        .get('/api/mail-outbox')
        .query({ status: 'pending', kind: 'report_approved', pageSize: 100 })
        .expect(200);
      expect(page.body.delivering).toBe(false);
      const listed = (page.body.items as Array<Record<string, unknown>>).find((m) => m.id === row!.id);
      const { roundId, reportId } = entry.params as { roundId: string; reportId: string };
      expect(listed).toMatchObject({
        kind: 'report_approved',
        status: 'pending',
        language: 'sv',
        recipientEmail: user.email,
        subject: 'Rapport godkänd: Tystprojekt, 2:a halvåret 2025',
        attempts: 0,
        lastError: null,
        sentAt: null,
      });
      expect(listed!.body).toContain(`Matti Virtanen godkände rapporten för projektet Tystprojekt`);
      expect(listed!.body).toContain(`${PUBLIC_URL}/rounds/${roundId}/reports/${reportId}`.replace(PUBLIC_URL, ''));
      // An instance with a mail server on the same database sends it.
      expect((await t.http.get('/api/mail-outbox').expect(200)).body.delivering).toBe(true);
      await worker(t).tick();
      await smtp.waitFor((r) => about(r, 'Tystprojekt').length === 1);
    });
  });

  it('lets only admins read the outbox, pages it newest first and refuses bad filters', async () => {
    const city = (await t.http.post('/api/organisations').send({ name: 'Postikaupunki', kind: 'city' }).expect(201))
      .body as { id: string };
    for (const role of ['coordinator', 'manager'] as const) {
      await (await t.as(role, { cityId: city.id })).get('/api/mail-outbox').expect(403);
    }
    await (await t.as('liaison')).get('/api/mail-outbox').expect(403);
    await t.anonymous.get('/api/mail-outbox').expect(401);

    const user = await recipient(t);
    await enqueue(t, [approved(user.id, { projectName: 'Vanhempi' })]);
    await enqueue(t, [approved(user.id, { projectName: 'Uudempi' })]);
    const first = await t.http.get('/api/mail-outbox').query({ pageSize: 1 }).expect(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 1, total: expect.any(Number) });
    expect(first.body.total).toBeGreaterThan(2);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].subject).toContain('Uudempi');
    const second = await t.http.get('/api/mail-outbox').query({ pageSize: 1, page: 2 }).expect(200);
    expect(second.body.items[0].subject).toContain('Vanhempi');

    const digests = await t.http.get('/api/mail-outbox').query({ kind: 'weekly_digest', pageSize: 100 }).expect(200);
    expect(digests.body.items.length).toBeGreaterThan(0);
    expect(digests.body.items.every((m: { kind: string }) => m.kind === 'weekly_digest')).toBe(true);

    const bad = await t.http.get('/api/mail-outbox').query({ status: 'lost', kind: 'spam' }).expect(400);
    expect(Object.keys(bad.body.problems).sort()).toEqual(['kind', 'status']);
    await t.http.get('/api/mail-outbox').query({ pageSize: 0 }).expect(400);
  });
});

/** The embedded PostgreSQL (PGlite) has one connection: the worker sends one message per transaction there. */
describe('mail on the embedded PostgreSQL', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await createTestApp({
      embedded: true,
      config: { smtpUrl: smtp.url, mailFrom: MAIL_FROM, publicUrl: PUBLIC_URL },
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends every due message in one tick, and the API answers meanwhile', async () => {
    const user = await recipient(t, 'en');
    const entries = [approved(user.id), approved(user.id), approved(user.id)];
    await enqueue(t, entries);
    const [report, me] = await Promise.all([workerOf(t).tick(), user.agent.get('/api/me')]);
    expect(report).toMatchObject({ sent: 3, errors: 0 });
    expect(me.status).toBe(200);
    await smtp.waitFor((r) => entries.every((e) => about(r, projectOf(e)).length === 1));
    expect(about(smtp.received, projectOf(entries[0]!))[0]!.subject).toMatch(/^Report approved: /);
  });
});

const bin = findPostgresBinaries();

/**
 * PostgreSQL goes away while the worker runs on its timer: a tick reports (and logs) the failure
 * instead of throwing, and the timer goes on; when the database is back the next tick sends what waits. The cluster is the
 * test's own (initdb + pg_ctl), stopped for real.
 */
(bin ? describe : describe.skip)('the mail worker during a database outage', () => {
  let pg: ScratchPostgres;
  let smtp: TestSmtpServer;
  let app: INestApplication;

  beforeAll(async () => {
    pg = await createScratchPostgres(bin!);
    await pg.start();
    smtp = await startTestSmtpServer();
    const config: AppConfig = {
      ...loadConfig({ NODE_ENV: 'test' }),
      databaseUrl: pg.url,
      demoData: 'never',
      webDistDir: '/nonexistent',
      smtpUrl: smtp.url,
      mailFrom: MAIL_FROM,
      publicUrl: PUBLIC_URL,
      mailWorkerIntervalSeconds: 1,
    };
    app = await createApp(config, { url: pg.url, poolSize: 3, embedded: null });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await pg?.destroy();
  });

  it('survives failed ticks and sends on its timer once the database is back', async () => {
    const dataSource = app.get(DataSource);
    await dataSource.query(
      `INSERT INTO users (email, display_name, role, password_hash) VALUES ('katko@salkku.example', 'Katko', 'liaison', 'x')`,
    );
    const [user] = await dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM users WHERE email = 'katko@salkku.example'`,
    );

    await pg.stop();
    try {
      const report = await app.get(MailWorker).tick();
      expect(report.errors).toBeGreaterThan(0);
      // The timer's own ticks fail too meanwhile (logged, not thrown): the loop must outlive them.
      await new Promise((resolve) => setTimeout(resolve, 2500));
    } finally {
      await pg.start();
    }
    // The worker's timer (every second) picks the message up without any help.
    const entry = approved(user!.id, { projectName: 'Katkon jälkeen' });
    for (let i = 0; ; i++) {
      try {
        await dataSource.transaction((manager) => enqueueMail(manager, [entry]));
        break;
      } catch (error) {
        if (i > 50) throw error; // the pool reconnects within seconds
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    await smtp.waitFor((r) => about(r, 'Katkon jälkeen').length === 1, 15_000);
  }, 40_000);
});
