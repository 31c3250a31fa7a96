import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { components } from '../../../lib/api/schema';
import { CATALOGUE, TYPED } from '../../../test/indicator-fixtures';
import { akkeDecision, milestones, pageOf, project, PROJECT_ID } from '../../../test/project-fixtures';
import { jsonResponse, mockFetch, renderApp, requestsTo, signedInMe, withSession } from '../../../test/render-app';

type PeriodReport = components['schemas']['PeriodReportResponse'];

const ROUND_ID = 'a0000000-0000-4000-8000-00000000000a';
const REPORT_ID = 'b0000000-0000-4000-8000-00000000000b';
const URL_OF_REPORT = `/rounds/${ROUND_ID}/reports/${REPORT_ID}`;

function report(overrides: Partial<PeriodReport> = {}): PeriodReport {
  return {
    id: REPORT_ID,
    round: {
      id: ROUND_ID,
      period: '2025',
      dueDate: '2026-01-31',
      open: true,
      agreementId: project.priorityArea.agreementId,
      agreementTitle: 'Kuopion ekosysteemisopimus 2021–2027',
    },
    project: { id: PROJECT_ID, code: project.code, name: project.name },
    status: 'draft',
    allowedTransitions: ['submitted'],
    overdue: false,
    health: null,
    healthReasons: null,
    achievements: null,
    risks: null,
    nextSteps: null,
    lifecycleStatus: null,
    returnComment: null,
    returnCount: 0,
    submitted: null,
    returned: null,
    approved: null,
    createdAt: '2026-01-02T08:00:00.000Z',
    updatedAt: '2026-01-02T08:00:00.000Z',
    version: 2,
    ...overrides,
  };
}

const SUBMITTED = report({
  status: 'submitted',
  allowedTransitions: ['approved', 'returned'],
  health: 'at_risk',
  achievements: 'Testiympäristö avattiin.',
  submitted: {
    at: '2026-01-10T10:00:00.000Z',
    by: 'Kaisa Koordinaattori',
    byId: 'e5f6a7b8-0000-4000-8000-000000000001',
  },
});

const MANAGER_ID = 'e5f6a7b8-0000-4000-8000-000000000002';
const MANAGER = signedInMe({
  user: { id: MANAGER_ID, role: 'manager', displayName: 'Maija Johtaja' },
});
MANAGER.permissions = ['portfolio:read', 'portfolio:export', 'organisations:read', 'reports:review'];

/** The report and what its form reads; `answer` first (a save's answer, say). */
function reportApi(
  current: PeriodReport,
  me = signedInMe(),
  answer: (request: Request) => Response | undefined = () => undefined,
) {
  return mockFetch(
    withSession((request) => {
      const special = answer(request);
      if (special) return special;
      const { pathname } = new URL(request.url);
      switch (pathname) {
        case `/api/period-reports/${REPORT_ID}`:
          return jsonResponse(current);
        case `/api/projects/${PROJECT_ID}`:
          return jsonResponse(project);
        case '/api/milestones':
          return jsonResponse(pageOf(milestones));
        case '/api/funding-decisions':
          return jsonResponse(pageOf([akkeDecision]));
        case '/api/payments':
        case '/api/indicator-actuals':
          return jsonResponse(pageOf([]));
        case '/api/indicators':
          return jsonResponse(pageOf(CATALOGUE));
        default:
          return jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, 404);
      }
    }, me),
  );
}

const LOAD = { timeout: 5000 };

async function openForm() {
  renderApp({ url: URL_OF_REPORT });
  await screen.findByRole('button', { name: 'Tallenna raportti' }, LOAD);
  // The indicators and decisions are read after the report.
  await screen.findByLabelText(new RegExp(`^${TYPED.indicator.code} `), {}, LOAD);
}

describe('the period report form', () => {
  it('shows a value it cannot read at its field, and sends nothing', async () => {
    const fetchMock = reportApi(report());
    await openForm();
    const value = screen.getByLabelText(new RegExp(`^${TYPED.indicator.code} `));
    fireEvent.change(value, { target: { value: 'paljon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna raportti' }));
    await waitFor(() => expect(value).toHaveAttribute('aria-invalid', 'true'));
    expect(value).toHaveAccessibleDescription('Anna luku, enintään neljä desimaalia (esim. 12,5).');
    await waitFor(() => expect(value).toHaveFocus());
    expect(requestsTo(fetchMock, `/api/period-reports/${REPORT_ID}`, 'PATCH')).toHaveLength(0);
  });

  it('puts the API’s problems at the fields their paths name (payments.0.paidOn → the first payment’s date)', async () => {
    const fetchMock = reportApi(report(), signedInMe(), (request) =>
      request.method === 'PATCH'
        ? jsonResponse(
            {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: 'Invalid',
              details: { 'payments.0.paidOn': ['paidOn is outside the period'], health: ['bad'] },
              problems: { 'payments.0.paidOn': [{ code: 'outsidePeriod' }], health: [{ code: 'invalid' }] },
            },
            400,
          )
        : undefined,
    );
    await openForm();
    fireEvent.click(screen.getByRole('button', { name: 'Lisää kaudella saatu maksu' }));
    fireEvent.change(screen.getByLabelText('Rahoituspäätös (maksu 1)'), { target: { value: akkeDecision.id } });
    fireEvent.change(screen.getByLabelText('Maksupäivä (maksu 1)'), { target: { value: '2024-12-31' } });
    fireEvent.change(screen.getByLabelText('Summa euroina (maksu 1)'), { target: { value: '1 000,50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna raportti' }));
    const paidOn = screen.getByLabelText('Maksupäivä (maksu 1)');
    await waitFor(() => expect(paidOn).toHaveAccessibleDescription('Päivämäärä ei ole raportointikaudella.'));
    expect(screen.getByLabelText('Tilanne')).toHaveAttribute('aria-invalid', 'true');
    // One request with every part of the form.
    const [sent] = requestsTo(fetchMock, `/api/period-reports/${REPORT_ID}`, 'PATCH');
    expect(sent!.headers.get('If-Match')).toBe('"2"');
    expect(await sent!.json()).toMatchObject({
      payments: [{ fundingDecisionId: akkeDecision.id, paidOn: '2024-12-31', amount: '1000.50', note: null }],
    });
  });

  it('explains a stale version and offers the latest', async () => {
    reportApi(report(), signedInMe(), (request) =>
      request.method === 'PATCH'
        ? jsonResponse({ statusCode: 409, code: 'STALE_VERSION', message: 'Stale' }, 409)
        : undefined,
    );
    await openForm();
    fireEvent.change(screen.getByLabelText('Riskit'), { target: { value: 'Aikataulu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna raportti' }));
    const alert = await screen.findByText(/Joku muu tallensi raportin sillä välin/);
    expect(within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button')).toHaveTextContent(
      'Lataa uusin versio',
    );
    // What was typed stays.
    expect(screen.getByLabelText('Riskit')).toHaveValue('Aikataulu');
  });
});

describe('the workflow buttons by role', () => {
  it('a reviewer approves or returns a report someone else submitted', async () => {
    reportApi(SUBMITTED, MANAGER);
    renderApp({ url: URL_OF_REPORT });
    const review = await screen.findByRole('region', { name: 'Tarkastus' }, LOAD);
    expect(within(review).getByRole('button', { name: 'Hyväksy raportti' })).toBeInTheDocument();
    expect(within(review).getByRole('button', { name: 'Palauta korjattavaksi' })).toBeInTheDocument();
    // Returning needs a comment.
    fireEvent.click(within(review).getByRole('button', { name: 'Palauta korjattavaksi' }));
    expect(await within(review).findByText('Kirjoita, mitä raportissa pitää muuttaa.')).toBeInTheDocument();
    // Read-only: no form for a reviewer.
    expect(screen.queryByRole('button', { name: 'Tallenna raportti' })).not.toBeInTheDocument();
  });

  it('a reviewer who submitted the report gets no buttons, and is told why', async () => {
    reportApi(
      report({ ...SUBMITTED, submitted: { at: SUBMITTED.submitted!.at, by: 'Maija Johtaja', byId: MANAGER_ID } }),
      MANAGER,
    );
    renderApp({ url: URL_OF_REPORT });
    const review = await screen.findByRole('region', { name: 'Tarkastus' }, LOAD);
    expect(within(review).queryByRole('button')).not.toBeInTheDocument();
    expect(review).toHaveTextContent('Lähetit tämän raportin itse');
  });

  it('another user of the same name is not the submitter: the reviewer gets the buttons', async () => {
    reportApi(
      report({
        ...SUBMITTED,
        submitted: { at: SUBMITTED.submitted!.at, by: 'Maija Johtaja', byId: 'e5f6a7b8-0000-4000-8000-000000000009' },
      }),
      MANAGER,
    );
    renderApp({ url: URL_OF_REPORT });
    const review = await screen.findByRole('region', { name: 'Tarkastus' }, LOAD);
    expect(within(review).getByRole('button', { name: 'Hyväksy raportti' })).toBeInTheDocument();
  });

  it('a coordinator sees a submitted report read-only, with no review', async () => {
    reportApi(SUBMITTED);
    renderApp({ url: URL_OF_REPORT });
    expect(await screen.findByText(/Raportti on lähetetty ja odottaa tarkastusta/, {}, LOAD)).toBeInTheDocument();
    expect(screen.getByText('Testiympäristö avattiin.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tallenna raportti' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Tarkastus' })).not.toBeInTheDocument();
  });

  it('a liaison reads a draft but may neither fill it in nor review it', async () => {
    const liaison = signedInMe({ user: { role: 'liaison', organisation: null } });
    liaison.permissions = ['portfolio:read', 'organisations:read'];
    reportApi(report({ achievements: 'Luonnosteksti.' }), liaison);
    renderApp({ url: URL_OF_REPORT });
    expect(await screen.findByText(/Roolisi voi lukea raportin/, {}, LOAD)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tallenna raportti' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Tarkastus' })).not.toBeInTheDocument();
  });

  it('a coordinator sees the reviewer’s comment on a returned report, in the form again', async () => {
    reportApi(
      report({
        status: 'returned',
        returnComment: 'Kuvaa riskit tarkemmin.',
        returned: { at: '2026-01-12T09:00:00.000Z', by: 'Maija Johtaja', byId: MANAGER_ID },
      }),
    );
    renderApp({ url: URL_OF_REPORT });
    const comment = await screen.findByRole('region', { name: /Palautettu korjattavaksi/ }, LOAD);
    expect(comment).toHaveTextContent('Kuvaa riskit tarkemmin.');
    expect(await screen.findByRole('button', { name: 'Tallenna raportti' })).toBeInTheDocument();
  });
});
