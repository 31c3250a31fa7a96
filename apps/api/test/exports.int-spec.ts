import {
  EXPORT_COLUMN_LABELS,
  EXPORT_COLUMNS,
  EXPORT_VALUE_LABELS,
  type ExportDataset,
  type Language,
} from '@salkku/shared';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type TestAgent from 'supertest/lib/agent';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { CellSql, CSV_PROFILES } from '../src/modules/exports/csv-format';
import { newOrganisation, postCreated } from './support/factories';
import { createTestApp, TEST_PASSWORD, type TestApp, useTestApp } from './support/test-app';

/**
 * CSV exports, parsed back with a real CSV parser (csv-parse) and compared field by field with
 * what the list endpoints return for the same filters and sort (all pages), in both profiles.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API JSON as the tests read it
type Profile = 'fi-excel' | 'standard';
/** The exports that copy a list endpoint (the indicator values have no list of their own: compared with the rows stored). */
type ListDataset = Exclude<ExportDataset, 'indicator-values'>;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** GET as raw bytes (the CSV exactly as sent). */
async function download(agent: TestAgent, path: string): Promise<Download> {
  const res = await agent
    .get(path)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  return { status: res.status, headers: res.headers, body: res.body as Buffer };
}

/** Header row and data rows of a CSV file of the profile. */
function parseCsv(body: Buffer, profile: Profile): { header: string[]; rows: string[][] } {
  const records: string[][] = parse(body, {
    delimiter: CSV_PROFILES[profile].delimiter,
    bom: true,
    record_delimiter: '\r\n',
  });
  const [header, ...rows] = records;
  return { header: header ?? [], rows };
}

/** Every item of a list endpoint for the query, page by page. */
async function listAll(agent: TestAgent, path: string, query: Record<string, string> = {}): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 1; ; page++) {
    const res = await agent.get(path).query({ ...query, page, pageSize: 100 });
    expect(res.status).toBe(200);
    items.push(...(res.body.items as Json[]));
    if (items.length >= (res.body.total as number)) return items;
  }
}

/** How a cell of the profile and language must look, computed here independently of the API. */
function expectedCells(profile: Profile, lang: Language) {
  const labels = EXPORT_VALUE_LABELS[lang];
  const fi = profile === 'fi-excel';
  return {
    labels,
    text: (value: string | null | undefined) => (value == null ? '' : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value),
    date: (value: string | null | undefined) => {
      if (value == null) return '';
      if (!fi) return value;
      const [y, m, d] = value.split('-').map(Number);
      return `${d}.${m}.${y}`;
    },
    decimal: (value: string | null | undefined) => (value == null ? '' : fi ? value.replace('.', ',') : value),
    label: (table: Record<string, string>, value: string | null | undefined) => (value == null ? '' : table[value]!),
    int: (value: number) => String(value),
  };
}

function areaName(item: Json, lang: Language): string {
  const area = item.priorityArea as Json;
  return lang === 'fi' ? area.nameFi : lang === 'sv' ? (area.nameSv ?? area.nameFi) : (area.nameEn ?? area.nameFi);
}

const EXPECTED_ROW: Record<
  ListDataset,
  (c: ReturnType<typeof expectedCells>, item: Json, lang: Language, decisions: Map<string, Json>) => string[]
> = {
  projects: (c, p, lang) => [
    c.text(p.code),
    c.text(p.name),
    c.label(c.labels.projectKind, p.kind),
    c.label(c.labels.lifecycleStatus, p.lifecycleStatus),
    c.text(areaName(p, lang)),
    c.text(p.leadOrganisation.name),
    c.date(p.plannedStart),
    c.date(p.plannedEnd),
    c.decimal(p.totalBudget),
    c.text(p.euraCode),
    c.decimal(p.funding.granted),
    c.decimal(p.funding.paid),
    c.decimal(p.funding.remaining),
    c.int(p.funding.unknownAmounts),
    c.date(p.latestStatus?.reportingDate),
    c.label(c.labels.health, p.latestStatus?.health),
    c.text(p.nextMilestone?.title),
    c.date(p.nextMilestone?.dueDate),
    c.int(p.overdueMilestones),
    p.id,
  ],
  'funding-decisions': (c, d) => [
    c.date(d.decisionDate),
    c.text(d.recordNumber),
    c.text(d.decisionBody),
    c.text(d.funder.name),
    c.text(d.recipient?.name),
    c.text(d.project?.code),
    c.text(d.project?.name),
    c.label(c.labels.instrument, d.instrument),
    c.label(c.labels.decisionStatus, d.status),
    c.decimal(d.amountGranted),
    c.decimal(d.paid),
    c.decimal(d.remaining),
    c.int(d.paymentCount),
    c.decimal(d.coFundingRate),
    c.decimal(d.cap),
    c.date(d.eligibleFrom),
    c.date(d.eligibleTo),
    c.text(d.conditions),
    d.id,
  ],
  payments: (c, pm, _lang, decisions) => {
    const d = decisions.get(pm.fundingDecisionId)!;
    return [
      c.date(pm.paidOn),
      c.decimal(pm.amount),
      c.text(pm.note),
      c.text(d.recordNumber),
      c.text(d.funder.name),
      c.label(c.labels.instrument, d.instrument),
      c.text(d.project?.code),
      c.text(d.project?.name),
      pm.fundingDecisionId,
      pm.id,
    ];
  },
  milestones: (c, m) => [
    c.text(m.project.code),
    c.text(m.project.name),
    c.text(m.title),
    c.text(m.description),
    c.date(m.dueDate),
    c.label(c.labels.milestoneStatus, m.status),
    c.date(m.completedOn),
    m.overdue ? c.labels.yes : c.labels.no,
    m.id,
  ],
  'status-reports': (c, s) => [
    c.date(s.reportingDate),
    c.text(s.project.code),
    c.text(s.project.name),
    c.label(c.labels.health, s.health),
    c.label(c.labels.lifecycleStatus, s.lifecycleStatus),
    c.text(s.summary),
    c.text(s.risks),
    c.text(s.nextSteps),
    c.text(s.author),
    s.id,
  ],
  participants: (c, pt) => [
    c.text(pt.projectCode),
    c.text(pt.projectName),
    c.text(pt.organisation.name),
    c.text(pt.organisation.businessId),
    c.label(c.labels.organisationKind, pt.organisation.kind),
    c.label(c.labels.participantRole, pt.role),
    c.date(pt.startsOn),
    c.date(pt.endsOn),
    c.label(c.labels.supportKind, pt.supportKind),
    c.decimal(pt.supportAmount),
    pt.flagged ? c.labels.yes : c.labels.no,
    pt.id,
  ],
};

const LIST_PATH: Record<ListDataset, string> = {
  projects: '/api/projects',
  'funding-decisions': '/api/funding-decisions',
  payments: '/api/payments',
  milestones: '/api/milestones',
  'status-reports': '/api/status-reports',
  participants: '/api/participants',
};

const TRICKY_NAMES = ['=SUM(1)', '+1', '-1', '@x', '\tx', '\rx'];

describe('CSV exports', () => {
  const t = useTestApp();
  let manager: TestAgent;
  let otherCityManager: TestAgent;
  let kuopio: Json;
  let agreementA: Json;
  let agreementB: Json;
  let bigProject: Json;
  let decisions: Map<string, Json>;

  const post = (path: string, body: Json): Promise<Json> => postCreated(t, path, body);

  beforeAll(async () => {
    kuopio = await newOrganisation(t, { kind: 'city', name: 'Kuopion kaupunki' });
    const joensuu = await newOrganisation(t, { kind: 'city', name: 'Joensuun kaupunki' });
    const liitto = await newOrganisation(t, { kind: 'regional_council', name: 'Pohjois-Savon liitto' });
    const yliopisto = await newOrganisation(t, { kind: 'university', name: 'Itä-Suomen yliopisto' });
    const quoted = await newOrganisation(t, { kind: 'company', name: 'Savo; "Lainaus" Oy' });
    agreementA = await post('/api/agreements', { cityId: kuopio.id, title: 'Kuopion ekosysteemisopimus' });
    agreementB = await post('/api/agreements', { cityId: joensuu.id, title: 'Joensuun ekosysteemisopimus' });
    const water = await post('/api/priority-areas', {
      agreementId: agreementA.id,
      nameFi: 'Vesi',
      nameSv: 'Vatten',
      nameEn: 'Water',
    });
    const health = await post('/api/priority-areas', { agreementId: agreementA.id, nameFi: 'Terveysteknologia' });
    const forest = await post('/api/priority-areas', { agreementId: agreementB.id, nameFi: 'Metsä' });

    bigProject = await post('/api/projects', {
      priorityAreaId: water.id,
      leadOrganisationId: yliopisto.id,
      code: 'VESI-1',
      name: 'Itä-Suomen vesihanke; "pilotti"',
      kind: 'launch',
      lifecycleStatus: 'active',
      plannedStart: '2021-03-01',
      plannedEnd: '2027-12-31',
      totalBudget: '450000.50',
      euraCode: 'S30123',
      partners: [{ organisationId: liitto.id }],
    });
    for (const [i, name] of TRICKY_NAMES.entries()) {
      await post('/api/projects', {
        priorityAreaId: i % 2 ? water.id : health.id,
        leadOrganisationId: i % 2 ? liitto.id : quoted.id,
        code: `T-${i}`,
        name,
      });
    }
    const joensuuProject = await post('/api/projects', {
      priorityAreaId: forest.id,
      leadOrganisationId: liitto.id,
      code: 'JOE-1',
      name: 'Joensuun metsähanke',
    });

    const granted = await post('/api/funding-decisions', {
      agreementId: agreementA.id,
      projectId: bigProject.id,
      funderId: kuopio.id,
      recipientId: yliopisto.id,
      instrument: 'city_co_funding',
      status: 'granted',
      amountGranted: '15000.00',
      coFundingRate: '20.50',
      decisionBody: 'Kuopion kaupunginhallitus',
      decisionDate: '2021-09-20',
      recordNumber: '§51; "a"',
      eligibleFrom: '2021-10-01',
      eligibleTo: '2023-12-31',
      conditions: '-ehto\nrivi 2',
    });
    await post('/api/funding-decisions', {
      agreementId: agreementA.id,
      projectId: bigProject.id,
      funderId: liitto.id,
      instrument: 'erdf',
      status: 'granted',
      decisionDate: '2022-01-05',
      recordNumber: '=1+1',
    });
    await post('/api/funding-decisions', {
      agreementId: agreementA.id,
      funderId: liitto.id,
      instrument: 'akke',
      status: 'applied',
      amountGranted: '100000.00',
    });
    const joensuuDecision = await post('/api/funding-decisions', {
      agreementId: agreementB.id,
      projectId: joensuuProject.id,
      funderId: joensuu.id,
      instrument: 'business_finland',
      status: 'granted',
      amountGranted: '5000.00',
    });
    await post('/api/payments', { fundingDecisionId: granted.id, paidOn: '2022-03-31', amount: '100.00' });
    await post('/api/payments', {
      fundingDecisionId: granted.id,
      paidOn: '2023-01-02',
      amount: '2500.55',
      note: '@maksu; "erä 2"\ntoinen rivi',
    });
    await post('/api/payments', { fundingDecisionId: joensuuDecision.id, paidOn: '2023-05-05', amount: '10.00' });

    await post('/api/milestones', { projectId: bigProject.id, title: 'Ohjausryhmä koolle', dueDate: '2022-01-31' });
    await post('/api/milestones', {
      projectId: bigProject.id,
      title: 'Valmis vaihe',
      dueDate: '2022-06-30',
      status: 'done',
      completedOn: '2022-06-15',
    });
    await post('/api/milestones', {
      projectId: bigProject.id,
      title: '+Pilotti käyntiin',
      description: 'Kuvaus; "lainaus"\nrivi 2',
      dueDate: '2030-01-31',
    });
    await post('/api/milestones', {
      projectId: joensuuProject.id,
      title: 'Joensuun välitavoite',
      dueDate: '2021-01-31',
    });

    await post('/api/status-reports', {
      projectId: bigProject.id,
      reportingDate: '2024-01-31',
      health: 'on_track',
      summary: 'Etenee.',
    });
    await post('/api/status-reports', {
      projectId: bigProject.id,
      reportingDate: '2025-01-31',
      health: 'at_risk',
      summary: 'Rivi 1\r\nRivi 2; "lainaus"',
      risks: '-riski',
      nextSteps: '@seuraava',
    });
    await post('/api/status-reports', {
      projectId: joensuuProject.id,
      reportingDate: '2025-02-28',
      health: 'off_track',
      summary: 'Myöhässä.',
    });

    // The participant register: a lead with its period, a company without a business ID (flagged) with a grant,
    // a partner with a formula-like name, and Joensuu's own.
    const firma = await newOrganisation(t, { kind: 'company', name: '@Vesifirma Oy', businessId: '0201256-6' });
    await post('/api/participants', {
      projectId: bigProject.id,
      organisationId: yliopisto.id,
      role: 'lead',
      startsOn: '2021-03-01',
      endsOn: '2027-12-31',
    });
    await post('/api/participants', {
      projectId: bigProject.id,
      organisationId: quoted.id,
      role: 'company',
      startsOn: '2022-01-15',
      supportKind: 'grant',
      supportAmount: '1234.5',
    });
    await post('/api/participants', {
      projectId: bigProject.id,
      organisationId: firma.id,
      role: 'company',
      supportKind: 'test_bed_access',
      supportAmount: '0',
    });
    await post('/api/participants', { projectId: bigProject.id, organisationId: liitto.id, role: 'other' });
    await post('/api/participants', { projectId: joensuuProject.id, organisationId: quoted.id, role: 'company' });

    manager = await t.as('manager', { cityId: kuopio.id as string });
    otherCityManager = await t.as('manager', { cityId: joensuu.id as string });
    decisions = new Map((await listAll(t.http, '/api/funding-decisions')).map((d) => [d.id as string, d]));
  });

  /** Downloads an export and checks it field by field against the list for the same query. */
  async function compareWithList(
    agent: TestAgent,
    dataset: ListDataset,
    profile: Profile,
    lang: Language,
    query: Record<string, string> = {},
  ): Promise<{ file: Download; rows: string[][] }> {
    const search = new URLSearchParams({ ...query, profile, lang }).toString();
    const file = await download(agent, `/api/exports/${dataset}.csv?${search}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.body.subarray(0, 3).equals(BOM)).toBe(profile === 'fi-excel');
    const { header, rows } = parseCsv(file.body, profile);
    expect(header).toEqual(EXPORT_COLUMNS[dataset].map((column) => EXPORT_COLUMN_LABELS[lang][column]));
    const items = await listAll(agent, LIST_PATH[dataset], query);
    const cells = expectedCells(profile, lang);
    expect(rows).toEqual(items.map((item) => EXPECTED_ROW[dataset](cells, item, lang, decisions)));
    expect(file.headers['x-export-rows']).toBe(String(items.length));
    // Every record ends with CRLF; a line break inside a quoted field stays as it was.
    const text = file.body.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    return { file, rows };
  }

  describe.each([
    ['fi-excel', 'fi'],
    ['standard', 'en'],
    ['fi-excel', 'sv'],
  ] as Array<[Profile, Language]>)('profile %s, language %s', (profile, lang) => {
    it.each([...Object.keys(LIST_PATH)] as ListDataset[])(
      '%s: the same rows, values and order as the list (admin, every city)',
      async (dataset) => {
        const { rows } = await compareWithList(t.http, dataset, profile, lang);
        expect(rows.length).toBeGreaterThan(0);
      },
    );
  });

  it.each([
    ['projects', { agreementId: 'A', sort: '-name', q: 'a' }],
    ['projects', { health: 'none', sort: 'plannedStart' }],
    ['projects', { sort: '-health' }],
    ['projects', { sort: 'lifecycleStatus', kind: 'other' }],
    ['funding-decisions', { agreementId: 'A', sort: 'amountGranted' }],
    ['funding-decisions', { status: 'granted', sort: '-decisionDate' }],
    ['payments', { paidFrom: '2022-01-01', paidTo: '2023-12-31', sort: 'amount' }],
    ['milestones', { overdue: 'true' }],
    ['milestones', { agreementId: 'A', sort: '-title' }],
    ['status-reports', { latestOnly: 'true', sort: 'health' }],
    ['status-reports', { reportedFrom: '2025-01-01' }],
    ['participants', { agreementId: 'A', sort: '-organisation' }],
    ['participants', { flagged: 'true' }],
    ['participants', { role: 'company', sort: '-supportAmount' }],
    ['participants', { q: 'yliopisto', sort: 'startsOn' }],
  ] as Array<[ListDataset, Record<string, string>]>)(
    '%s honours the list filters and sort %j',
    async (dataset, raw) => {
      const query = Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, v === 'A' ? (agreementA.id as string) : v]),
      );
      await compareWithList(t.http, dataset, 'standard', 'en', query);
      await compareWithList(t.http, dataset, 'fi-excel', 'fi', query);
    },
  );

  it('writes fi-excel as Excel in Finnish reads it: BOM, ";", decimal comma, D.M.YYYY, quoting, CRLF', async () => {
    const file = await download(manager, `/api/exports/projects.csv?profile=fi-excel&lang=fi&q=VESI-1`);
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFFHanketunnus;Hanke;Hanketyyppi;Vaihe;Painopiste;')).toBe(true);
    const [, line] = text.split('\r\n');
    expect(line).toBe(
      'VESI-1;"Itä-Suomen vesihanke; ""pilotti""";Käynnistämishanke;Käynnissä;Vesi;Itä-Suomen yliopisto;' +
        `1.3.2021;31.12.2027;450000,50;S30123;15000,00;2600,55;12399,45;1;31.1.2025;Riskissä;Ohjausryhmä koolle;31.1.2022;1;${bigProject.id}`,
    );
  });

  it('writes standard as RFC 4180: no BOM, ",", decimal point, ISO dates, quoted line breaks', async () => {
    const file = await download(
      manager,
      `/api/exports/status-reports.csv?profile=standard&lang=en&projectId=${bigProject.id}`,
    );
    const text = file.body.toString('utf8');
    expect(text.startsWith('Reporting date,Project code,Project,Health,Stage,Status and reasons,')).toBe(true);
    expect(text).toContain(
      '2025-01-31,VESI-1,"Itä-Suomen vesihanke; ""pilotti""",At risk,Active,"Rivi 1\r\nRivi 2; ""lainaus""",\'-riski,\'@seuraava,',
    );
    const { rows } = parseCsv(file.body, 'standard');
    expect(rows[0]![5]).toBe('Rivi 1\r\nRivi 2; "lainaus"');
  });

  it('neutralises text cells that a spreadsheet would run as a formula, and leaves numbers alone', async () => {
    const file = await download(manager, '/api/exports/projects.csv?profile=fi-excel&lang=fi&q=T-');
    const { rows } = parseCsv(file.body, 'fi-excel');
    expect(rows.map((r) => r[1]).sort()).toEqual(TRICKY_NAMES.map((name) => `'${name}`).sort());
    for (const row of rows) {
      for (const numeric of [10, 11, 12]) expect(row[numeric]).toMatch(/^\d+,\d{2}$/);
    }
    const decisionsFile = await download(manager, '/api/exports/funding-decisions.csv?profile=standard&lang=en');
    const decisionRows = parseCsv(decisionsFile.body, 'standard').rows;
    expect(decisionRows.map((r) => r[1])).toContain("'=1+1");
    expect(decisionRows.map((r) => r[17])).toContain("'-ehto\nrivi 2");
    const paymentRows = parseCsv((await download(manager, '/api/exports/payments.csv?lang=fi')).body, 'fi-excel').rows;
    expect(paymentRows.map((r) => r[2])).toContain(`'@maksu; "erä 2"\ntoinen rivi`);
    expect(paymentRows.map((r) => r[1])).toEqual(expect.arrayContaining(['100,00', '2500,55']));
  });

  it('keeps a negative number a number in both profiles (the schema allows none, so the cell SQL is checked directly)', async () => {
    for (const profile of ['fi-excel', 'standard'] as const) {
      const cell = new CellSql(CSV_PROFILES[profile]);
      const [row] = await t.dataSource.query<Array<{ amount: string; text: string; day: string }>>(
        `SELECT ${cell.decimal("'-1234.50'::numeric(15,2)")} AS amount, ${cell.text("'-1234.50'")} AS text,
                ${cell.date("'2026-01-05'::date")} AS day`,
      );
      expect(row).toEqual(
        profile === 'fi-excel'
          ? { amount: '-1234,50', text: "'-1234.50", day: '5.1.2026' }
          : { amount: '-1234.50', text: "'-1234.50", day: '2026-01-05' },
      );
    }
  });

  it("a Kuopio manager gets only Kuopio's rows, even when filtering on another city's agreement", async () => {
    for (const dataset of Object.keys(LIST_PATH) as ListDataset[]) {
      const mine = await compareWithList(manager, dataset, 'fi-excel', 'fi');
      expect(mine.rows.length).toBeGreaterThan(0);
      expect(mine.rows.flat().join(' ')).not.toMatch(/Joensuu/);
      expect(mine.file.headers['content-disposition']).toMatch(
        /^attachment; filename="salkku-[a-z-]+-kuopion-kaupunki-\d{4}-\d{2}-\d{2}-excel\.csv"; filename\*=UTF-8''salkku-/,
      );
    }
    for (const dataset of Object.keys(LIST_PATH) as ListDataset[]) {
      const other = await download(
        manager,
        `/api/exports/${dataset}.csv?agreementId=${agreementB.id}&profile=standard`,
      );
      expect(other.status).toBe(200);
      expect(other.headers['x-export-rows']).toBe('0');
      expect(parseCsv(other.body, 'standard').rows).toEqual([]);
    }
    // And the other way round: Joensuu's manager sees Joensuu only.
    const joensuu = await compareWithList(otherCityManager, 'projects', 'standard', 'en');
    expect(joensuu.rows.map((r) => r[0])).toEqual(['JOE-1']);
  });

  it('names the file after the dataset, the scope, the date and the profile, in the language', async () => {
    const all = await download(t.http, '/api/exports/milestones.csv?lang=sv');
    expect(all.headers['content-disposition']).toMatch(
      /filename="salkku-milstolpar-alla-\d{4}-\d{2}-\d{2}-excel\.csv"/,
    );
    const filtered = await download(t.http, `/api/exports/payments.csv?lang=fi&agreementId=${agreementB.id}`);
    expect(filtered.headers['content-disposition']).toMatch(/filename="salkku-maksut-joensuun-kaupunki-/);
    const english = await download(t.http, '/api/exports/funding-decisions.csv?lang=en');
    expect(english.headers['content-disposition']).toMatch(
      /filename="salkku-funding-decisions-all-\d{4}-\d{2}-\d{2}-standard\.csv"/,
    );
  });

  it('downloads the two profiles of the same list under different file names (issue 9, item 21)', async () => {
    const names = new Set<string>();
    for (const profile of ['fi-excel', 'standard'] as const) {
      const file = await download(t.http, `/api/exports/projects.csv?lang=fi&profile=${profile}`);
      expect(file.status).toBe(200);
      names.add(String(file.headers['content-disposition']));
    }
    expect(names.size).toBe(2);
  });

  it("defaults to the user's language, and to fi-excel for fi and sv, standard for en", async () => {
    const fi = await download(manager, '/api/exports/milestones.csv');
    expect(fi.body.subarray(0, 3).equals(BOM)).toBe(true);
    expect(parseCsv(fi.body, 'fi-excel').header[2]).toBe('Virstanpylväs');
    await manager
      .patch('/api/me/language')
      .send({ language: 'en' })
      .expect((res) => expect(res.status).toBeLessThan(300));
    const en = await download(manager, '/api/exports/milestones.csv');
    expect(en.body.subarray(0, 3).equals(BOM)).toBe(false);
    expect(parseCsv(en.body, 'standard').header[2]).toBe('Milestone');
    await manager.patch('/api/me/language').send({ language: 'fi' });
  });

  it('refuses what the guard and the validation refuse', async () => {
    const coordinator = await t.as('coordinator', { cityId: kuopio.id as string });
    const liaison = await t.as('liaison');
    for (const dataset of [...Object.keys(LIST_PATH), 'indicator-values']) {
      expect((await coordinator.get(`/api/exports/${dataset}.csv`)).status).toBe(403);
      expect((await liaison.get(`/api/exports/${dataset}.csv`)).status).toBe(403);
      expect((await t.anonymous.get(`/api/exports/${dataset}.csv`)).status).toBe(401);
    }
    const bad = await manager.get('/api/exports/projects.csv?profile=excel');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await manager.get('/api/exports/projects.csv?lang=de')).status).toBe(400);
    expect((await manager.get('/api/exports/projects.csv?page=2')).status).toBe(400);
    expect((await manager.get('/api/exports/projects.csv?sort=nonsense')).status).toBe(400);
    expect((await manager.get('/api/exports/payments.csv?paidFrom=2024-01-02&paidTo=2024-01-01')).status).toBe(400);
    expect((await manager.get('/api/exports/milestones.csv?agreementId=not-a-uuid')).status).toBe(400);
    expect((await manager.get('/api/exports/participants.csv?flagged=maybe')).status).toBe(400);
    expect((await manager.get('/api/exports/indicator-values.csv?indicatorId=RCO07')).status).toBe(400);
    expect((await manager.get('/api/exports/indicator-values.csv?sort=period')).status).toBe(400);
  });

  it('neutralises a formula behind blanks, line breaks, no-break spaces or in full-width, in PostgreSQL as in the file', async () => {
    const cases: Array<[string, boolean]> = [
      ['\n=1+1', true],
      ['   =1', true],
      ['\u00A0=1', true],
      ['\u2007+1', true],
      ['\u3000@x', true],
      ['\uFEFF-1', true],
      ['\uFF1D1+1', true],
      ['\uFF0B1', true],
      ['\uFF0D1', true],
      ['\uFF20x', true],
      [' \u00A0\r\n\uFF1D1', true],
      ['\tx', true],
      ['  Tavallinen', false],
      ['\u00A0Tavallinen', false],
      ['Hanke = hyvä', false],
    ];
    const cell = new CellSql(CSV_PROFILES.standard);
    for (const [text, neutralised] of cases) {
      const [row] = await t.dataSource.query<Array<{ out: string }>>(`SELECT ${cell.text('$1::text')} AS out`, [text]);
      expect({ text, out: row!.out }).toEqual({ text, out: neutralised ? `'${text}` : text });
    }
    // Through the export itself, on an agreement of its own (the other tests' counts stay as they are).
    const city = await newOrganisation(t, { kind: 'city', name: 'Kaavakaupunki' });
    const agreement = await post('/api/agreements', { cityId: city.id, title: 'Kaavasopimus' });
    const area = await post('/api/priority-areas', { agreementId: agreement.id, nameFi: 'Kaavat' });
    for (const [i, [name]] of cases.entries()) {
      await post('/api/projects', { priorityAreaId: area.id, leadOrganisationId: city.id, code: `F-${i}`, name });
    }
    for (const profile of ['fi-excel', 'standard'] as const) {
      const file = await download(
        t.http,
        `/api/exports/projects.csv?profile=${profile}&agreementId=${String(agreement.id)}`,
      );
      const names = new Map(parseCsv(file.body, profile).rows.map((r) => [r[0], r[1]]));
      for (const [i, [text, neutralised]] of cases.entries()) {
        expect({ text, name: names.get(`F-${i}`) }).toEqual({ text, name: neutralised ? `'${text}` : text });
      }
    }
  });

  describe('indicator values (actuals written straight to the database: their API is built by another module)', () => {
    /** One stored actual as the file must show it, in the file's order. */
    interface Expected {
      id: string;
      agreement: string;
      area: Record<Language, string> | null;
      project: Json | null;
      indicator: { code: string; fi: string; sv: string; en: string };
      unit: (lang: Language) => string;
      period: string;
      value: string;
      target: { value: string; year: number } | null;
      enteredBy: string;
      enteredAt: Date;
      city: 'Kuopio' | 'Joensuu';
    }
    let expected: Expected[];
    let rco07: { id: string; code: string; fi: string; sv: string; en: string };
    let timeZone: string;

    beforeAll(async () => {
      timeZone = t.app.get<AppConfig>(APP_CONFIG).timeZone;
      const query = <R>(sql: string, params: unknown[] = []) => t.dataSource.query<R[]>(sql, params);
      const [found] = await query<typeof rco07>(
        `SELECT id, code, name_fi AS fi, name_sv AS sv, name_en AS en FROM indicators WHERE code = 'RCO07'`,
      );
      rco07 = found!;
      const own = { code: 'KUO-01', fi: '=Puhdistettu vesi', sv: 'Renat vatten', en: 'Water treated' };
      const share = { code: 'KUO-02', fi: 'Osuus', sv: 'Andel', en: 'Share' };
      const [ownRow] = await query<{ id: string }>(
        `INSERT INTO indicators (code, name_fi, name_sv, name_en, unit, unit_name, kind, aggregation, source, agreement_id)
         VALUES ($1, $2, $3, $4, 'other', 'tonnia', 'output', 'sum', 'city', $5) RETURNING id`,
        [own.code, own.fi, own.sv, own.en, agreementA.id],
      );
      const [shareRow] = await query<{ id: string }>(
        `INSERT INTO indicators (code, name_fi, name_sv, name_en, unit, kind, aggregation, source, agreement_id)
         VALUES ($1, $2, $3, $4, 'percent', 'result', 'latest', 'city', $5) RETURNING id`,
        [share.code, share.fi, share.sv, share.en, agreementA.id],
      );
      const [healthProject] = await query<Json>(`SELECT id, code, name FROM projects WHERE code = 'T-0'`);
      const [joensuuProject] = await query<Json>(`SELECT id, code, name FROM projects WHERE code = 'JOE-1'`);
      const targets: Array<[string, Json, string | null, string, number]> = [
        [rco07.id, agreementA, bigProject.id as string, '10', 2027],
        [rco07.id, agreementA, null, '40.5', 2027],
      ];
      for (const [indicatorId, agreement, projectId, value, year] of targets) {
        await query(
          `INSERT INTO indicator_targets (indicator_id, agreement_id, project_id, baseline_value, baseline_year,
             target_value, target_year, milestones) VALUES ($1, $2, $3, 0, 2021, $4, $5, '[]')`,
          [indicatorId, agreement.id, projectId, value, year],
        );
      }
      const water = { fi: 'Vesi', sv: 'Vatten', en: 'Water' };
      const health = { fi: 'Terveysteknologia', sv: 'Terveysteknologia', en: 'Terveysteknologia' };
      const count = (lang: Language) => EXPORT_VALUE_LABELS[lang].indicatorUnit.count;
      const percent = (lang: Language) => EXPORT_VALUE_LABELS[lang].indicatorUnit.percent;
      const kuopioAgreement = agreementA.title as string;
      // In the file's order: by agreement, priority area (the agreement's own values first), project, indicator, period.
      const rows: Array<Omit<Expected, 'id' | 'enteredAt'>> = [
        {
          agreement: agreementB.title as string,
          area: { fi: 'Metsä', sv: 'Metsä', en: 'Metsä' },
          project: joensuuProject!,
          indicator: rco07,
          unit: count,
          period: '2023',
          value: '1',
          target: null,
          enteredBy: 'Jussi Joensuusta',
          city: 'Joensuu',
        },
        {
          agreement: kuopioAgreement,
          area: null,
          project: null,
          indicator: share,
          unit: percent,
          period: '2024',
          value: '37.5',
          target: null,
          enteredBy: 'Kaisa Koordinaattori',
          city: 'Kuopio',
        },
        {
          agreement: kuopioAgreement,
          area: null,
          project: null,
          indicator: rco07,
          unit: count,
          period: '2023',
          value: '7',
          target: { value: '40.5', year: 2027 },
          enteredBy: 'Kaisa Koordinaattori',
          city: 'Kuopio',
        },
        {
          agreement: kuopioAgreement,
          area: health,
          project: healthProject!,
          indicator: own,
          unit: () => 'tonnia',
          period: '2024',
          value: '1234.5',
          target: null,
          enteredBy: '+Kirjaaja',
          city: 'Kuopio',
        },
        {
          agreement: kuopioAgreement,
          area: water,
          project: bigProject,
          indicator: rco07,
          unit: count,
          period: '2022',
          value: '3',
          target: { value: '10', year: 2027 },
          enteredBy: 'Kaisa Koordinaattori',
          city: 'Kuopio',
        },
        {
          agreement: kuopioAgreement,
          area: water,
          project: bigProject,
          indicator: rco07,
          unit: count,
          period: '2023',
          value: '2.5',
          target: { value: '10', year: 2027 },
          enteredBy: 'Kaisa Koordinaattori',
          city: 'Kuopio',
        },
      ];
      const indicatorIds: Record<string, string> = {
        [rco07.code]: rco07.id,
        [own.code]: ownRow!.id,
        [share.code]: shareRow!.id,
      };
      expected = [];
      // Written in another order than the file's, so that the order is the export's own.
      for (const row of [...rows].reverse()) {
        const [stored] = await query<{ id: string; updated_at: Date }>(
          `INSERT INTO indicator_actuals (indicator_id, agreement_id, project_id, period, value, entered_by)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, updated_at`,
          [
            indicatorIds[row.indicator.code],
            row.city === 'Kuopio' ? agreementA.id : agreementB.id,
            row.project?.id ?? null,
            row.period,
            row.value,
            row.enteredBy,
          ],
        );
        expected.unshift({ ...row, id: stored!.id, enteredAt: stored!.updated_at });
      }
    });

    /** A moment as the profile writes it: local D.M.YYYY H:MM in fi-excel, ISO 8601 UTC in standard. */
    function moment(at: Date, profile: Profile): string {
      if (profile === 'standard') return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-GB', {
          timeZone,
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(at)
          .map((part) => [part.type, part.value]),
      );
      return `${Number(parts.day)}.${Number(parts.month)}.${parts.year} ${Number(parts.hour)}:${parts.minute}`;
    }

    function expectedRow(row: Expected, profile: Profile, lang: Language): string[] {
      const c = expectedCells(profile, lang);
      return [
        c.text(row.agreement),
        c.text(row.area?.[lang]),
        c.text(row.project?.code as string | undefined),
        c.text(row.project?.name as string | undefined),
        c.text(row.indicator.code),
        c.text(row.indicator[lang]),
        row.unit(lang),
        row.period,
        c.decimal(row.value),
        c.decimal(row.target?.value),
        row.target ? String(row.target.year) : '',
        c.text(row.enteredBy),
        moment(row.enteredAt, profile),
        row.id,
      ];
    }

    async function compareWithStored(
      agent: TestAgent,
      profile: Profile,
      lang: Language,
      query: Record<string, string>,
      rows: Expected[],
    ): Promise<Download> {
      const search = new URLSearchParams({ ...query, profile, lang }).toString();
      const file = await download(agent, `/api/exports/indicator-values.csv?${search}`);
      expect(file.status).toBe(200);
      expect(file.body.subarray(0, 3).equals(BOM)).toBe(profile === 'fi-excel');
      const parsed = parseCsv(file.body, profile);
      expect(parsed.header).toEqual(
        EXPORT_COLUMNS['indicator-values'].map((column) => EXPORT_COLUMN_LABELS[lang][column]),
      );
      expect(parsed.rows).toEqual(rows.map((row) => expectedRow(row, profile, lang)));
      expect(file.headers['x-export-rows']).toBe(String(rows.length));
      return file;
    }

    it.each([
      ['fi-excel', 'fi'],
      ['standard', 'en'],
      ['fi-excel', 'sv'],
    ] as Array<[Profile, Language]>)(
      'profile %s, language %s: one row per indicator × holder × period, with the holder target (admin, every city)',
      async (profile, lang) => {
        await compareWithStored(t.http, profile, lang, {}, expected);
      },
    );

    it('writes the exact values, the formula-like texts neutralised, and the file in the language', async () => {
      const file = await download(
        t.http,
        `/api/exports/indicator-values.csv?profile=fi-excel&lang=fi&projectId=${String(bigProject.id)}`,
      );
      const { rows } = parseCsv(file.body, 'fi-excel');
      expect(rows.map((r) => [r[7], r[8], r[9], r[10]])).toEqual([
        ['2022', '3', '10', '2027'],
        ['2023', '2,5', '10', '2027'],
      ]);
      const all = parseCsv(
        (await download(t.http, '/api/exports/indicator-values.csv?profile=standard&lang=fi')).body,
        'standard',
      );
      expect(all.rows.map((r) => r[5])).toContain("'=Puhdistettu vesi");
      expect(all.rows.map((r) => r[11])).toContain("'+Kirjaaja");
      expect(file.headers['content-disposition']).toMatch(
        /filename="salkku-indikaattorit-kaikki-\d{4}-\d{2}-\d{2}-excel\.csv"/,
      );
    });

    it('filters by agreement, project and indicator', async () => {
      const kuopio = expected.filter((row) => row.city === 'Kuopio');
      await compareWithStored(t.http, 'standard', 'en', { agreementId: agreementA.id as string }, kuopio);
      await compareWithStored(
        t.http,
        'standard',
        'en',
        { projectId: bigProject.id as string },
        expected.filter((row) => row.project?.id === bigProject.id),
      );
      await compareWithStored(
        t.http,
        'fi-excel',
        'fi',
        { indicatorId: rco07.id },
        expected.filter((row) => row.indicator.code === 'RCO07'),
      );
      await compareWithStored(
        t.http,
        'fi-excel',
        'fi',
        { indicatorId: rco07.id, agreementId: agreementA.id as string },
        kuopio.filter((row) => row.indicator.code === 'RCO07'),
      );
    });

    it("gives a Kuopio manager only Kuopio's values, even when filtering on another city's agreement or project", async () => {
      const file = await compareWithStored(
        manager,
        'fi-excel',
        'fi',
        {},
        expected.filter((row) => row.city === 'Kuopio'),
      );
      expect(file.headers['content-disposition']).toMatch(/filename="salkku-indikaattorit-kuopion-kaupunki-/);
      const joensuuProject = expected.find((row) => row.city === 'Joensuu')!.project!;
      await compareWithStored(manager, 'standard', 'en', { agreementId: agreementB.id as string }, []);
      await compareWithStored(manager, 'standard', 'en', { projectId: joensuuProject.id as string }, []);
      await compareWithStored(
        otherCityManager,
        'standard',
        'sv',
        {},
        expected.filter((row) => row.city === 'Joensuu'),
      );
    });
  });

  it('the enum labels are the words the web app shows', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const web = JSON.parse(readFileSync(join(__dirname, `../../web/src/lib/locales/${lang}.json`), 'utf8')) as Json;
      const ours = EXPORT_VALUE_LABELS[lang];
      expect(ours.lifecycleStatus).toEqual(web.lifecycle);
      expect(ours.health).toEqual(Object.fromEntries(Object.entries(web.health as Json).filter(([k]) => k !== 'none')));
      expect(ours.projectKind).toEqual(web.projectPage.kinds);
      expect(ours.instrument).toEqual(web.projectPage.instruments);
      expect(ours.decisionStatus).toEqual(web.projectPage.decisionStatuses);
      expect(ours.milestoneStatus).toEqual(web.projectPage.milestones.statuses);
      expect(ours.organisationKind).toEqual(web.organisationKinds);
      expect(ours.participantRole).toEqual(web.participants.roles);
      expect(ours.supportKind).toEqual(web.participants.supportKinds);
      expect([ours.yes, ours.no]).toEqual([web.projectPage.history.yes, web.projectPage.history.no]);
    }
  });
});

/*
 * Connections and limits need a real PostgreSQL server: the embedded database has a single
 * connection and spools an export to a file before sending it, so there is nothing to hold open
 * or abort mid-COPY. `pnpm test` without TEST_DATABASE_URL skips this block for that reason.
 */
const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

(onServer ? describe : describe.skip)(
  'CSV exports: streaming, limits and aborted downloads (PostgreSQL server)',
  () => {
    const ROWS = 200_000;
    let t: TestApp;
    let base: string;
    let pool: Pool;

    /** A signed-in manager of the city, as a Cookie header for fetch. */
    async function sessionOf(cityId: string): Promise<string> {
      const email = `export-${Math.random().toString(36).slice(2)}@salkku.example`;
      await t.as('manager', { cityId, email });
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    }

    /** Starts a payments export and waits for its first bytes; the body is left unread (held open). */
    async function startExport(cookie: string): Promise<{ response: Response; abort: () => void; first: Uint8Array }> {
      const controller = new AbortController();
      const response = await fetch(`${base}/api/exports/payments.csv?profile=standard`, {
        headers: { cookie },
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const { value } = await reader.read();
      return { response, abort: () => controller.abort(), first: value! };
    }

    async function copiesRunning(): Promise<number> {
      const [row] = await t.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'COPY (%'`,
      );
      return row!.n;
    }

    async function eventually(check: () => Promise<boolean>, ms = 1500): Promise<boolean> {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        if (await check()) return true;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return check();
    }

    let cityId: string;
    /** Aborts what a failed test left downloading, so the app (and its database) can close. */
    const afterHeld: Array<() => void> = [];

    beforeAll(async () => {
      t = await createTestApp();
      const server = t.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      pool = (t.dataSource.driver as PostgresDriver).master as Pool;
      const city = await newOrganisation(t, { kind: 'city', name: 'Massakaupunki' });
      cityId = city.id as string;
      const agreement = (await t.http.post('/api/agreements').send({ cityId, title: 'Massasopimus' }).expect(201)).body;
      const decision = (
        await t.http
          .post('/api/funding-decisions')
          .send({
            agreementId: agreement.id,
            funderId: cityId,
            instrument: 'akke',
            status: 'granted',
            amountGranted: '999999999.00',
          })
          .expect(201)
      ).body;
      await t.dataSource.query(
        `INSERT INTO payments (funding_decision_id, paid_on, amount, note)
       SELECT $1, DATE '2024-01-01' + (g % 700), (g % 5000 + 1) / 100.0, 'Maksuerä ' || g
       FROM generate_series(1, ${ROWS}) g`,
        [decision.id],
      );
    });

    afterAll(async () => {
      for (const release of afterHeld) release();
      await t?.close();
    });

    it('streams every row with the count announced first', async () => {
      const cookie = await sessionOf(cityId);
      const response = await fetch(`${base}/api/exports/payments.csv?profile=standard`, { headers: { cookie } });
      expect(response.headers.get('x-export-rows')).toBe(String(ROWS));
      const text = await response.text();
      expect(text.split('\r\n').length - 2).toBe(ROWS); // header + rows, then the empty string after the last CRLF
    });

    it('an aborted download ends its COPY and gives its connection back at once', async () => {
      const cookie = await sessionOf(cityId);
      const idleBefore = pool.totalCount - pool.idleCount;
      expect(idleBefore).toBe(0);
      for (let i = 0; i < 3; i++) {
        // Three in a row with EXPORTS_PER_USER = 2: a slot that was not given back would block the third.
        const running = await startExport(cookie);
        try {
          expect(running.first.length).toBeGreaterThan(0);
          // The header is written before the COPY starts: on a busy machine it may arrive first.
          expect(await eventually(async () => (await copiesRunning()) === 1)).toBe(true);
        } finally {
          running.abort();
        }
        expect(await eventually(async () => (await copiesRunning()) === 0)).toBe(true);
        expect(await eventually(() => Promise.resolve(pool.totalCount - pool.idleCount === 0))).toBe(true);
      }
      const after = await fetch(`${base}/api/exports/payments.csv?profile=standard&paidTo=2024-01-01`, {
        headers: { cookie },
      });
      expect(after.status).toBe(200);
      expect((await after.text()).length).toBeGreaterThan(0);
    });

    it('answers 429 TOO_MANY_EXPORTS beyond EXPORTS_PER_USER, and beyond what one instance may run', async () => {
      const first = await sessionOf(cityId);
      const second = await sessionOf(cityId);
      const held = [await startExport(first), await startExport(first)];
      // Whatever fails below, the held downloads are let go, or the app could not close.
      const release = () => held.forEach((h) => h.abort());
      afterHeld.push(release);
      const refused = await fetch(`${base}/api/exports/payments.csv`, { headers: { cookie: first } });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await refused.json()) as Json).code).toBe('TOO_MANY_EXPORTS');

      // The test pool has 5 connections: an instance runs at most 4 exports, leaving one for the rest.
      held.push(await startExport(second), await startExport(second));
      const third = await sessionOf(cityId);
      const full = await fetch(`${base}/api/exports/payments.csv`, { headers: { cookie: third } });
      expect(full.status).toBe(429);
      expect(((await full.json()) as Json).code).toBe('TOO_MANY_EXPORTS');
      // Ordinary requests still get a connection meanwhile.
      expect((await fetch(`${base}/api/payments?pageSize=1`, { headers: { cookie: third } })).status).toBe(200);

      for (const h of held) h.abort();
      expect(await eventually(async () => (await copiesRunning()) === 0)).toBe(true);
      const again = await fetch(`${base}/api/exports/payments.csv?paidTo=2024-01-01`, { headers: { cookie: first } });
      expect(again.status).toBe(200);
      await again.text();
    });
  },
);
