import { formatDate, parseReportingPeriod, type Language, type MailKind } from '@salkku/shared';
import type { MailParams, OwedReport } from './outbox';

/**
 * The messages of each kind in Finnish, Swedish and English, rendered when a message is sent or
 * shown to an admin (the outbox keeps the kind, the language and the params, not the text). A
 * template builds blocks — paragraphs, a quoted comment, a list of links — which become the
 * plain text and the HTML of one message, so the two always say the same. Dates and periods are
 * written the way the web app writes them in that language; links point into Salkku at
 * PUBLIC_URL, at the pages named in the issue 13 contract.
 */

/** One message as sent. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What is rendered: the outbox row's kind, language and params. */
export interface MailToRender {
  kind: MailKind;
  language: Language;
  params: unknown;
}

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'links'; items: Array<{ text: string; href: string }> }
  | { kind: 'link'; text: string; href: string };

interface Draft {
  subject: string;
  blocks: Block[];
}

/** Dates as the web app writes them: fi-FI and sv-FI "4.1.2026", en-FI "04/01/2026". */
const INTL_LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-FI' };

/** A message's subject and its first paragraph. */
interface Headline {
  subject: string;
  intro: string;
}

/** The words each template uses, per language. */
interface Words {
  period(year: number, half: 0 | 1 | 2): string;
  footer: string;
  digestFooter: string;
  roundOpened(p: { agreement: string; period: string; due: string }): Headline;
  instructions: string;
  reportsToDo: string;
  roundLink: string;
  reminder(p: { agreement: string; period: string; due: string }): Headline;
  overdue(p: { agreement: string; period: string; due: string }): Headline;
  returned(p: { project: string; period: string; by: string }): Headline;
  comment: string;
  resubmit: string;
  approved(p: { project: string; period: string; by: string }): Headline;
  reportLink: string;
  digestSubject(count: number): string;
  digestIntro(count: number): string;
  digestNothing: string;
  digestItem(p: { project: string; agreement: string; period: string; due: string; status: string }): string;
  status: Record<'owed' | 'draft' | 'returned', string>;
  overdueMark: string;
  startPage: string;
}

const fi: Words = {
  period: (year, half) => (half === 0 ? String(year) : `${half}. puolivuosi ${year}`),
  footer: 'Tämä on Salkun automaattinen viesti. Siihen ei voi vastata.',
  digestFooter: 'Viikkokoosteen voi tilata pois Salkun sähköpostiasetuksista',
  roundOpened: ({ agreement, period, due }) => ({
    subject: `Raportointikierros avattu: ${agreement}, ${period}`,
    intro: `Sopimuksen ${agreement} raportointikierros kaudelta ${period} on avattu. Raportit on jätettävä viimeistään ${due}.`,
  }),
  instructions: 'Ohje:',
  reportsToDo: 'Raportoitavat hankkeet:',
  roundLink: 'Kierros Salkussa',
  reminder: ({ agreement, period, due }) => ({
    subject: `Muistutus: raportit viimeistään ${due} – ${agreement}, ${period}`,
    intro: `Sopimuksen ${agreement} kauden ${period} raportit on jätettävä viimeistään ${due}. Vielä jättämättä:`,
  }),
  overdue: ({ agreement, period, due }) => ({
    subject: `Raportti myöhässä: ${agreement}, ${period}`,
    intro: `Sopimuksen ${agreement} kauden ${period} raporttien määräpäivä ${due} on mennyt. Myöhässä:`,
  }),
  returned: ({ project, period, by }) => ({
    subject: `Raportti palautettiin korjattavaksi: ${project}, ${period}`,
    intro: `${by} palautti hankkeen ${project} raportin kaudelta ${period} korjattavaksi.`,
  }),
  comment: 'Kommentti:',
  resubmit: 'Korjaa ja lähetä raportti uudelleen',
  approved: ({ project, period, by }) => ({
    subject: `Raportti hyväksytty: ${project}, ${period}`,
    intro: `${by} hyväksyi hankkeen ${project} raportin kaudelta ${period}.`,
  }),
  reportLink: 'Raportti Salkussa',
  digestSubject: (count) =>
    count === 0
      ? 'Viikkokooste: ei jätettäviä raportteja'
      : `Viikkokooste: ${count} ${count === 1 ? 'raportti' : 'raporttia'} jätettävänä`,
  digestIntro: (count) => `Jätettävänä on ${count} ${count === 1 ? 'raportti' : 'raporttia'}:`,
  digestNothing: 'Sinulla ei ole jätettäviä raportteja.',
  digestItem: ({ project, agreement, period, due, status }) =>
    `${project} (${agreement}, ${period}): ${status}, viimeistään ${due}`,
  status: { owed: 'aloittamatta', draft: 'luonnos', returned: 'palautettu korjattavaksi' },
  overdueMark: 'MYÖHÄSSÄ',
  startPage: 'Raporttisi Salkussa',
};

const sv: Words = {
  period: (year, half) => (half === 0 ? String(year) : `${half}:a halvåret ${year}`),
  footer: 'Detta är ett automatiskt meddelande från Salkku. Det går inte att svara på det.',
  digestFooter: 'Du kan avbeställa veckosammandraget i Salkkus e-postinställningar',
  roundOpened: ({ agreement, period, due }) => ({
    subject: `Rapporteringsomgång öppnad: ${agreement}, ${period}`,
    intro: `Rapporteringsomgången för avtalet ${agreement} för perioden ${period} har öppnats. Rapporterna ska lämnas senast ${due}.`,
  }),
  instructions: 'Anvisning:',
  reportsToDo: 'Projekt som ska rapportera:',
  roundLink: 'Omgången i Salkku',
  reminder: ({ agreement, period, due }) => ({
    subject: `Påminnelse: rapporterna senast ${due} – ${agreement}, ${period}`,
    intro: `Rapporterna för avtalet ${agreement} för perioden ${period} ska lämnas senast ${due}. Ännu inte lämnade:`,
  }),
  overdue: ({ agreement, period, due }) => ({
    subject: `Rapport försenad: ${agreement}, ${period}`,
    intro: `Sista dagen för rapporterna för avtalet ${agreement} för perioden ${period} var ${due}. Försenade:`,
  }),
  returned: ({ project, period, by }) => ({
    subject: `Rapport återsänd för ändringar: ${project}, ${period}`,
    intro: `${by} återsände rapporten för projektet ${project} för perioden ${period} för ändringar.`,
  }),
  comment: 'Kommentar:',
  resubmit: 'Gör ändringarna och lämna in rapporten på nytt',
  approved: ({ project, period, by }) => ({
    subject: `Rapport godkänd: ${project}, ${period}`,
    intro: `${by} godkände rapporten för projektet ${project} för perioden ${period}.`,
  }),
  reportLink: 'Rapporten i Salkku',
  digestSubject: (count) =>
    count === 0
      ? 'Veckosammandrag: inga rapporter att lämna'
      : `Veckosammandrag: ${count} ${count === 1 ? 'rapport' : 'rapporter'} att lämna`,
  digestIntro: (count) => `Du har ${count} ${count === 1 ? 'rapport' : 'rapporter'} att lämna:`,
  digestNothing: 'Du har inga rapporter att lämna.',
  digestItem: ({ project, agreement, period, due, status }) =>
    `${project} (${agreement}, ${period}): ${status}, senast ${due}`,
  status: { owed: 'inte påbörjad', draft: 'utkast', returned: 'återsänd för ändringar' },
  overdueMark: 'FÖRSENAD',
  startPage: 'Dina rapporter i Salkku',
};

const en: Words = {
  period: (year, half) => (half === 0 ? String(year) : `H${half} ${year}`),
  footer: 'This is an automatic message from Salkku. Replies are not read.',
  digestFooter: "You can turn off the weekly digest in Salkku's email settings",
  roundOpened: ({ agreement, period, due }) => ({
    subject: `Reporting round opened: ${agreement}, ${period}`,
    intro: `The reporting round of ${agreement} for ${period} has been opened. Reports are due by ${due}.`,
  }),
  instructions: 'Instructions:',
  reportsToDo: 'Projects to report:',
  roundLink: 'The round in Salkku',
  reminder: ({ agreement, period, due }) => ({
    subject: `Reminder: reports due by ${due} – ${agreement}, ${period}`,
    intro: `The reports of ${agreement} for ${period} are due by ${due}. Not yet submitted:`,
  }),
  overdue: ({ agreement, period, due }) => ({
    subject: `Report overdue: ${agreement}, ${period}`,
    intro: `The reports of ${agreement} for ${period} were due by ${due}. Overdue:`,
  }),
  returned: ({ project, period, by }) => ({
    subject: `Report returned for changes: ${project}, ${period}`,
    intro: `${by} returned the report of ${project} for ${period} for changes.`,
  }),
  comment: 'Comment:',
  resubmit: 'Make the changes and submit the report again',
  approved: ({ project, period, by }) => ({
    subject: `Report approved: ${project}, ${period}`,
    intro: `${by} approved the report of ${project} for ${period}.`,
  }),
  reportLink: 'The report in Salkku',
  digestSubject: (count) =>
    count === 0
      ? 'Weekly digest: no reports to submit'
      : `Weekly digest: ${count} ${count === 1 ? 'report' : 'reports'} to submit`,
  digestIntro: (count) => `You have ${count} ${count === 1 ? 'report' : 'reports'} to submit:`,
  digestNothing: 'You have no reports to submit.',
  digestItem: ({ project, agreement, period, due, status }) =>
    `${project} (${agreement}, ${period}): ${status}, due by ${due}`,
  status: { owed: 'not started', draft: 'draft', returned: 'returned for changes' },
  overdueMark: 'OVERDUE',
  startPage: 'Your reports in Salkku',
};

const WORDS: Record<Language, Words> = { fi, sv, en };

/** The paths of the web app's pages the messages link to (issue 13 contract; web/src/app/router.tsx). */
export const MAIL_LINKS = {
  startPage: () => '/',
  round: (roundId: string) => `/rounds/${encodeURIComponent(roundId)}`,
  report: (roundId: string, reportId: string) =>
    `/rounds/${encodeURIComponent(roundId)}/reports/${encodeURIComponent(reportId)}`,
  emailSettings: () => '/email-settings',
};

/** Renders one outbox message in its language; throws when its params do not fit its kind. */
export function renderMail(message: MailToRender, publicUrl: string): RenderedMail {
  const w = WORDS[message.language] ?? fi;
  const locale = INTL_LOCALES[message.language] ?? INTL_LOCALES.fi;
  const base = publicUrl.replace(/\/+$/, '');
  const url = (path: string) => `${base}${path}`;
  const date = (value: string) => formatDate(value, locale);
  const period = (value: string) => {
    const { year, half } = parseReportingPeriod(value);
    return w.period(year, half);
  };
  const reportLinks = (roundId: string, reports: OwedReport[]): Block => ({
    kind: 'links',
    items: reports.map((r) => ({ text: r.projectName, href: url(MAIL_LINKS.report(roundId, r.reportId)) })),
  });
  const footer: Block = { kind: 'p', text: w.footer };

  let draft: Draft;
  switch (message.kind) {
    case 'round_opened': {
      const p = message.params as MailParams['round_opened'];
      const d = w.roundOpened({ agreement: p.agreementTitle, period: period(p.period), due: date(p.dueDate) });
      draft = {
        subject: d.subject,
        blocks: [
          { kind: 'p', text: d.intro },
          ...(p.instructions
            ? [{ kind: 'p', text: w.instructions } as Block, { kind: 'quote', text: p.instructions } as Block]
            : []),
          ...(p.reports.length > 0
            ? [{ kind: 'p', text: w.reportsToDo } as Block, reportLinks(p.roundId, p.reports)]
            : []),
          { kind: 'link', text: w.roundLink, href: url(MAIL_LINKS.round(p.roundId)) },
          footer,
        ],
      };
      break;
    }
    case 'round_reminder':
    case 'report_overdue': {
      const p = message.params as MailParams['round_reminder'];
      const words = { agreement: p.agreementTitle, period: period(p.period), due: date(p.dueDate) };
      const d = message.kind === 'round_reminder' ? w.reminder(words) : w.overdue(words);
      draft = {
        subject: d.subject,
        blocks: [
          { kind: 'p', text: d.intro },
          reportLinks(p.roundId, p.reports),
          { kind: 'link', text: w.roundLink, href: url(MAIL_LINKS.round(p.roundId)) },
          footer,
        ],
      };
      break;
    }
    case 'report_returned': {
      const p = message.params as MailParams['report_returned'];
      const d = w.returned({ project: p.projectName, period: period(p.period), by: p.returnedBy });
      draft = {
        subject: d.subject,
        blocks: [
          { kind: 'p', text: d.intro },
          { kind: 'p', text: w.comment },
          { kind: 'quote', text: p.comment },
          { kind: 'link', text: w.resubmit, href: url(MAIL_LINKS.report(p.roundId, p.reportId)) },
          footer,
        ],
      };
      break;
    }
    case 'report_approved': {
      const p = message.params as MailParams['report_approved'];
      const d = w.approved({ project: p.projectName, period: period(p.period), by: p.approvedBy });
      draft = {
        subject: d.subject,
        blocks: [
          { kind: 'p', text: d.intro },
          { kind: 'link', text: w.reportLink, href: url(MAIL_LINKS.report(p.roundId, p.reportId)) },
          footer,
        ],
      };
      break;
    }
    case 'weekly_digest': {
      const p = message.params as MailParams['weekly_digest'];
      const items = p.items.map((item) => {
        const line = w.digestItem({
          project: item.projectName,
          agreement: item.agreementTitle,
          period: period(item.period),
          due: date(item.dueDate),
          status: w.status[item.status],
        });
        return {
          text: item.overdue ? `${line} – ${w.overdueMark}` : line,
          href: url(MAIL_LINKS.report(item.roundId, item.reportId)),
        };
      });
      draft = {
        subject: w.digestSubject(items.length),
        blocks: [
          { kind: 'p', text: items.length > 0 ? w.digestIntro(items.length) : w.digestNothing },
          ...(items.length > 0 ? [{ kind: 'links', items } as Block] : []),
          { kind: 'link', text: w.startPage, href: url(MAIL_LINKS.startPage()) },
          footer,
          { kind: 'link', text: w.digestFooter, href: url(MAIL_LINKS.emailSettings()) },
        ],
      };
      break;
    }
    default:
      throw new Error(`No template for the mail kind ${String((message as { kind: unknown }).kind)}`);
  }
  return {
    subject: oneLine(draft.subject),
    text: toText(draft.blocks),
    html: toHtml(draft.subject, message.language, draft.blocks),
  };
}

/** A subject is one line: a name with a line break in it must not start a header of its own. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function toText(blocks: Block[]): string {
  return `${blocks
    .map((block) => {
      switch (block.kind) {
        case 'p':
          return block.text;
        case 'quote':
          return block.text
            .split(/\r?\n/)
            .map((line) => `> ${line}`)
            .join('\n');
        case 'links':
          return block.items.map((item) => `- ${item.text}\n  ${item.href}`).join('\n');
        case 'link':
          return `${block.text}:\n${block.href}`;
      }
    })
    .join('\n\n')}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function toHtml(subject: string, language: Language, blocks: Block[]): string {
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'p':
          return `<p>${escapeHtml(block.text)}</p>`;
        case 'quote':
          return `<blockquote><p>${escapeHtml(block.text).replace(/\r?\n/g, '<br>')}</p></blockquote>`;
        case 'links':
          return `<ul>${block.items
            .map((item) => `<li><a href="${escapeHtml(item.href)}">${escapeHtml(item.text)}</a></li>`)
            .join('')}</ul>`;
        case 'link':
          return `<p><a href="${escapeHtml(block.href)}">${escapeHtml(block.text)}</a></p>`;
      }
    })
    .join('\n');
  return `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(
    oneLine(subject),
  )}</title></head>\n<body>\n${body}\n</body></html>\n`;
}
