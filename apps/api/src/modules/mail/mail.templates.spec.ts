import { LANGUAGES, MAIL_KINDS, type Language } from '@salkku/shared';
import { renderMail } from './mail.templates';
import type { MailParams, OutboxEntry } from './outbox';

const BASE = 'https://salkku.kuopio.example';
const ROUND = '6f1c2f4e-0000-4000-8000-000000000001';
const REPORT = '6f1c2f4e-0000-4000-8000-000000000002';
const REPORT_2 = '6f1c2f4e-0000-4000-8000-000000000003';
const reports = [
  { projectName: 'Vesiklusteri', reportId: REPORT },
  { projectName: 'Terveysteknologian testiympäristö', reportId: REPORT_2 },
];

const PARAMS: { [K in keyof MailParams]: MailParams[K] } = {
  round_opened: {
    roundId: ROUND,
    agreementTitle: 'Kuopion ekosysteemisopimus',
    period: '2025-H1',
    dueDate: '2025-08-31',
    instructions: 'Kirjaa myös maksatukset.\nKiitos!',
    reports,
  },
  round_reminder: {
    roundId: ROUND,
    agreementTitle: 'Kuopion ekosysteemisopimus',
    period: '2025-H1',
    dueDate: '2025-08-31',
    reports,
  },
  report_overdue: {
    roundId: ROUND,
    agreementTitle: 'Kuopion ekosysteemisopimus',
    period: '2025',
    dueDate: '2026-01-15',
    reports: reports.slice(0, 1),
  },
  report_returned: {
    roundId: ROUND,
    reportId: REPORT,
    projectName: 'Vesiklusteri',
    period: '2025-H2',
    comment: 'Riskit puuttuvat.\n<b>Lisää ne</b>',
    returnedBy: 'Maija Meikäläinen',
  },
  report_approved: {
    roundId: ROUND,
    reportId: REPORT,
    projectName: 'Vesiklusteri',
    period: '2025-H2',
    approvedBy: 'Matti Virtanen',
  },
  weekly_digest: {
    items: [
      {
        roundId: ROUND,
        reportId: REPORT,
        agreementTitle: 'Kuopion ekosysteemisopimus',
        projectName: 'Vesiklusteri',
        period: '2025-H1',
        dueDate: '2025-08-31',
        status: 'returned',
        overdue: true,
      },
    ],
  },
};

function render(kind: keyof MailParams, language: Language) {
  return renderMail({ kind, language, params: PARAMS[kind] }, `${BASE}/`);
}

describe('renderMail', () => {
  it('has a template for every kind in every language, with a subject, a body and a link into Salkku', () => {
    for (const kind of MAIL_KINDS) {
      for (const language of LANGUAGES) {
        const mail = render(kind, language);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.subject).not.toMatch(/\n/);
        expect(mail.text).toContain(`${BASE}/`);
        expect(mail.text).not.toMatch(/undefined|null|NaN|\[object/);
        expect(mail.html).toContain(`<html lang="${language}">`);
      }
      // The three languages say different things.
      expect(new Set(LANGUAGES.map((l) => render(kind, l).subject)).size).toBe(3);
    }
  });

  it('writes dates and half-years the way the web app does in each language', () => {
    expect(render('round_opened', 'fi').text).toContain('viimeistään 31.8.2025');
    expect(render('round_opened', 'fi').subject).toBe(
      'Raportointikierros avattu: Kuopion ekosysteemisopimus, 1. puolivuosi 2025',
    );
    expect(render('round_opened', 'sv').text).toContain('senast 31.8.2025');
    expect(render('round_opened', 'sv').subject).toContain('1:a halvåret 2025');
    expect(render('round_opened', 'en').text).toContain('due by 31/08/2025');
    expect(render('round_opened', 'en').subject).toContain('H1 2025');
    // A whole year is just the year.
    expect(render('report_overdue', 'fi').subject).toBe('Raportti myöhässä: Kuopion ekosysteemisopimus, 2025');
    expect(render('report_overdue', 'en').text).toContain('due by 15/01/2026');
  });

  it('links each owed report and the round at the paths of the web app', () => {
    const { text, html } = render('round_reminder', 'fi');
    expect(text).toContain(`- Vesiklusteri\n  ${BASE}/rounds/${ROUND}/reports/${REPORT}`);
    expect(text).toContain(`${BASE}/rounds/${ROUND}/reports/${REPORT_2}`);
    expect(text).toContain(`Kierros Salkussa:\n${BASE}/rounds/${ROUND}\n`);
    expect(html).toContain(`<a href="${BASE}/rounds/${ROUND}/reports/${REPORT}">Vesiklusteri</a>`);
  });

  it('quotes a returned report’s comment, escaped in the HTML, and links the report', () => {
    const fi = render('report_returned', 'fi');
    expect(fi.subject).toBe('Raportti palautettiin korjattavaksi: Vesiklusteri, 2. puolivuosi 2025');
    expect(fi.text).toContain('Maija Meikäläinen palautti hankkeen Vesiklusteri raportin');
    expect(fi.text).toContain('> Riskit puuttuvat.\n> <b>Lisää ne</b>');
    expect(fi.html).toContain('Riskit puuttuvat.<br>&lt;b&gt;Lisää ne&lt;/b&gt;');
    expect(fi.text).toContain(`${BASE}/rounds/${ROUND}/reports/${REPORT}`);
    expect(render('report_returned', 'sv').text).toContain('Maija Meikäläinen återsände rapporten');
    expect(render('report_returned', 'en').subject).toBe('Report returned for changes: Vesiklusteri, H2 2025');
  });

  it('says who approved a report', () => {
    expect(render('report_approved', 'fi').text).toContain('Matti Virtanen hyväksyi hankkeen Vesiklusteri raportin');
    expect(render('report_approved', 'sv').subject).toBe('Rapport godkänd: Vesiklusteri, 2:a halvåret 2025');
    expect(render('report_approved', 'en').text).toContain('Matti Virtanen approved the report of Vesiklusteri');
  });

  it('lists a digest’s reports with their state, marks the overdue ones and says how to turn it off', () => {
    const fi = render('weekly_digest', 'fi');
    expect(fi.subject).toBe('Viikkokooste: 1 raportti jätettävänä');
    expect(fi.text).toContain(
      'Vesiklusteri (Kuopion ekosysteemisopimus, 1. puolivuosi 2025): palautettu korjattavaksi, viimeistään 31.8.2025 – MYÖHÄSSÄ',
    );
    expect(fi.text).toContain(`${BASE}/email-settings`);
    expect(render('weekly_digest', 'sv').text).toContain('återsänd för ändringar, senast 31.8.2025 – FÖRSENAD');
    expect(render('weekly_digest', 'en').text).toContain('returned for changes, due by 31/08/2025 – OVERDUE');
    const two = renderMail(
      {
        kind: 'weekly_digest',
        language: 'en',
        params: { items: [...PARAMS.weekly_digest.items, ...PARAMS.weekly_digest.items] },
      },
      BASE,
    );
    expect(two.subject).toBe('Weekly digest: 2 reports to submit');
  });

  it('keeps a subject on one line whatever a name holds', () => {
    const params: OutboxEntry['params'] = { ...PARAMS.report_approved, projectName: 'Vesi\r\nBcc: x@example.com' };
    expect(renderMail({ kind: 'report_approved', language: 'fi', params }, BASE).subject).toBe(
      'Raportti hyväksytty: Vesi Bcc: x@example.com, 2. puolivuosi 2025',
    );
  });

  it('refuses params that do not fit the kind (the worker records it as a failed attempt)', () => {
    expect(() => renderMail({ kind: 'report_approved', language: 'fi', params: { period: 'soon' } }, BASE)).toThrow();
  });
});
