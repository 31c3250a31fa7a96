import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CATALOGUE, DERIVED, EUROS, RESULTS, TYPED, typedActual, typedTarget } from '../../../test/indicator-fixtures';
import { pageOf, project, projectPageApi, PROJECT_ID } from '../../../test/project-fixtures';
import {
  currentUrl,
  jsonResponse,
  mockFetch,
  renderApp,
  requestsTo,
  signedInMe,
  withSession,
} from '../../../test/render-app';

const AGREEMENT_ID = project.priorityArea.agreementId;
const TARGET = typedTarget(PROJECT_ID, AGREEMENT_ID);
const ACTUAL = typedActual(PROJECT_ID, AGREEMENT_ID);
const BASE = `/projects/${PROJECT_ID}/indicators`;

/** The project page's API with indicators, plus what the indicator forms read; `answer` first. */
function indicatorsApi(answer: (request: Request) => Response | undefined = () => undefined, me = signedInMe()) {
  return mockFetch(
    withSession((request) => {
      const special = answer(request);
      if (special) return special;
      const { pathname } = new URL(request.url);
      switch (pathname) {
        case '/api/indicators':
          return jsonResponse(pageOf(CATALOGUE));
        case `/api/indicator-results/projects/${PROJECT_ID}`:
          return jsonResponse(RESULTS);
        case `/api/indicator-targets/${TARGET.id}`:
          return jsonResponse(TARGET);
        case `/api/indicator-actuals/${ACTUAL.id}`:
          return jsonResponse(ACTUAL);
        default:
          return projectPageApi()(request);
      }
    }, me),
  );
}

function type(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function options(label: string) {
  return within(screen.getByLabelText(label))
    .getAllByRole('option')
    .map((option) => option.textContent);
}

function choose(label: string, optionName: string) {
  const select = screen.getByLabelText(label);
  const option = within(select).getByRole<HTMLOptionElement>('option', { name: optionName });
  fireEvent.change(select, { target: { value: option.value } });
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Tallenna' }));

afterEach(() => localStorage.clear());

describe('setting a target', () => {
  it('offers the agreement’s indicators without a target yet, asks yearly targets for the years between, and sends exact values', async () => {
    const fetchMock = indicatorsApi((request) =>
      request.method === 'POST' ? jsonResponse({ ...TARGET, id: 'new' }, 201) : undefined,
    );
    const { router } = renderApp({ url: `${BASE}/targets/new` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Aseta tavoite' })).toBeInTheDocument();
    // KUO-01 has a target already: it is edited from the project page, not set again.
    expect(options('Indikaattori')).toEqual(['Valitse…', 'KUO-02 Yksityiset investoinnit', 'RCO01 Tuetut yritykset']);
    choose('Indikaattori', 'KUO-02 Yksityiset investoinnit');
    expect(screen.getByLabelText('Tavoitearvo')).toHaveAccessibleDescription(
      'Luku yksikössä euroa, esimerkiksi 15 tai 12,5.',
    );
    expect(screen.queryByLabelText(/^Vuoden \d+ tavoite$/)).not.toBeInTheDocument();

    type('Lähtötason arvo', '0');
    type('Lähtötason vuosi', '2024');
    type('Tavoitearvo', '1 500 000');
    type('Tavoitevuosi', '2027');
    expect(
      screen
        .getAllByLabelText(/^Vuoden \d+ tavoite$/)
        .map((input) => input.closest('.field')?.querySelector('label')?.textContent),
    ).toEqual(['Vuoden 2025 tavoite', 'Vuoden 2026 tavoite']);
    type('Vuoden 2025 tavoite', '500 000,5');
    save();

    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const [post] = requestsTo(fetchMock, '/api/indicator-targets', 'POST');
    expect(await post!.json()).toEqual({
      indicatorId: EUROS.id,
      projectId: PROJECT_ID,
      baselineValue: '0',
      baselineYear: 2024,
      targetValue: '1500000',
      targetYear: 2027,
      milestones: [{ year: 2025, value: '500000.5' }],
    });
    expect(await screen.findByText('Tavoite tallennettu.')).toHaveAttribute('role', 'status');
  });

  it('checks the values and years by field before sending anything', async () => {
    const fetchMock = indicatorsApi();
    renderApp({ url: `${BASE}/targets/new?indicatorId=${EUROS.id}` });
    await screen.findByRole('heading', { level: 1, name: 'Aseta tavoite' });
    expect(screen.getByLabelText('Indikaattori')).toHaveValue(EUROS.id);
    type('Lähtötason arvo', '12,34567');
    type('Lähtötason vuosi', '24');
    type('Tavoitearvo', '20');
    save();

    const baseline = screen.getByLabelText('Lähtötason arvo');
    await waitFor(() => expect(baseline).toHaveAttribute('aria-invalid', 'true'));
    expect(baseline).toHaveAccessibleDescription(
      expect.stringContaining('Anna luku, esimerkiksi 15 tai 12,5 (enintään neljä desimaalia).'),
    );
    expect(screen.getByLabelText('Lähtötason vuosi')).toHaveAccessibleDescription(
      expect.stringContaining('Anna vuosi neljällä numerolla, esimerkiksi 2029.'),
    );
    expect(screen.getByLabelText('Tavoitevuosi')).toHaveAccessibleDescription(
      expect.stringContaining('Tämä tieto on pakollinen.'),
    );
    expect(screen.getByLabelText('Tavoitearvo')).not.toHaveAttribute('aria-invalid');
    expect(requestsTo(fetchMock, '/api/indicator-targets', 'POST')).toEqual([]);
  });

  it('shows the API’s refusal next to its field (a target year before the baseline year)', async () => {
    indicatorsApi((request) =>
      request.method === 'POST'
        ? jsonResponse(
            {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: 'Validation failed',
              details: { targetYear: ['targetYear must not be before baselineYear'] },
              problems: { targetYear: [{ code: 'yearOrder' }] },
            },
            400,
          )
        : undefined,
    );
    renderApp({ url: `${BASE}/targets/new?indicatorId=${EUROS.id}` });
    await screen.findByRole('heading', { level: 1, name: 'Aseta tavoite' });
    type('Lähtötason arvo', '10');
    type('Lähtötason vuosi', '2027');
    type('Tavoitearvo', '20');
    type('Tavoitevuosi', '2025');
    save();
    const targetYear = screen.getByLabelText('Tavoitevuosi');
    await waitFor(() => expect(targetYear).toHaveAttribute('aria-invalid', 'true'));
    expect(targetYear).toHaveAccessibleDescription(
      expect.stringContaining('Tavoitevuosi ei voi olla ennen lähtötason vuotta.'),
    );
  });
});

describe('editing a target', () => {
  it('shows the target with its yearly targets and saves with the version read as If-Match', async () => {
    const fetchMock = indicatorsApi((request) =>
      request.method === 'PATCH' ? jsonResponse({ ...TARGET, targetValue: '25', version: 3 }) : undefined,
    );
    const { router } = renderApp({ url: `${BASE}/targets/${TARGET.id}/edit` });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Muokkaa tavoitetta: KUO-01 Uudet palvelutuotteet' }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Indikaattori')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Tavoitearvo')).toHaveValue('20');
    expect(screen.getByLabelText('Vuoden 2026 tavoite')).toHaveValue('8');
    expect(screen.getByLabelText('Vuoden 2025 tavoite')).toHaveValue('');
    type('Tavoitearvo', '25');
    type('Vuoden 2026 tavoite', '');
    save();

    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const [patch] = requestsTo(fetchMock, `/api/indicator-targets/${TARGET.id}`, 'PATCH');
    expect(patch!.headers.get('If-Match')).toBe(`"${TARGET.version}"`);
    expect(await patch!.json()).toEqual({
      baselineValue: '0',
      baselineYear: 2024,
      targetValue: '25',
      targetYear: 2029,
      milestones: [],
    });
  });

  it('on a version conflict keeps what was typed and offers the latest version', async () => {
    let patches = 0;
    let server = TARGET;
    const fetchMock = indicatorsApi((request) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'PATCH') {
        patches += 1;
        return patches === 1
          ? jsonResponse({ statusCode: 409, code: 'STALE_VERSION', message: 'Changed by someone else' }, 409)
          : jsonResponse(server);
      }
      return pathname === `/api/indicator-targets/${TARGET.id}` ? jsonResponse(server) : undefined;
    });
    const { router } = renderApp({ url: `${BASE}/targets/${TARGET.id}/edit` });
    await screen.findByLabelText('Tavoitearvo');
    type('Tavoitearvo', '30');
    server = { ...TARGET, baselineValue: '1', version: 3 };
    save();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Joku muu on muuttanut');
    expect(screen.getByLabelText('Tavoitearvo')).toHaveValue('30');
    fireEvent.click(within(alert).getByRole('button', { name: 'Lataa uusin versio' }));
    expect(await screen.findByText('Palvelimella muuttuneet kentät: Lähtötason arvo')).toBeInTheDocument();
    save();
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const [, second] = requestsTo(fetchMock, `/api/indicator-targets/${TARGET.id}`, 'PATCH');
    expect(second!.headers.get('If-Match')).toBe('"3"');
  });
});

describe('reporting an actual', () => {
  it('offers typed-in indicators only and the periods not yet reported, and sends the value exactly', async () => {
    const fetchMock = indicatorsApi((request) =>
      request.method === 'POST' ? jsonResponse({ ...ACTUAL, id: 'new', period: '2025-H2' }, 201) : undefined,
    );
    const { router } = renderApp({ url: `${BASE}/actuals/new?indicatorId=${TYPED.indicator.id}&period=2025-H2` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaa toteuma' })).toBeInTheDocument();
    expect(options('Indikaattori')).toEqual([
      'Valitse…',
      'KUO-01 Uudet palvelutuotteet',
      'KUO-02 Yksityiset investoinnit',
    ]);
    expect(screen.getByLabelText('Indikaattori')).toHaveAccessibleDescription(
      'Osallistujista laskettuja indikaattoreita ei voi kirjata käsin.',
    );
    // 2025-H1 and 2026-H1 are reported for KUO-01 already (they are corrected instead).
    expect(options('Kausi')).toEqual(['Valitse…', '2. puolivuosi 2025']);
    expect(screen.getByLabelText('Kausi')).toHaveValue('2025-H2');
    expect(screen.getByLabelText('Kausi')).toHaveAccessibleDescription(
      'Sopimuksen toteumat kirjataan puolivuosittain.',
    );
    choose('Indikaattori', 'KUO-02 Yksityiset investoinnit');
    expect(options('Kausi')).toEqual(['Valitse…', '1. puolivuosi 2025', '2. puolivuosi 2025', '1. puolivuosi 2026']);
    choose('Indikaattori', 'KUO-01 Uudet palvelutuotteet');
    type('Arvo', '4,25');
    save();

    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const [post] = requestsTo(fetchMock, '/api/indicator-actuals', 'POST');
    expect(await post!.json()).toEqual({
      indicatorId: TYPED.indicator.id,
      projectId: PROJECT_ID,
      period: '2025-H2',
      value: '4.25',
      note: null,
    });
    expect(await screen.findByText('Toteuma tallennettu.')).toHaveAttribute('role', 'status');
  });

  it('shows the API’s refusal of a derived indicator by the indicator field', async () => {
    indicatorsApi((request) =>
      request.method === 'POST'
        ? jsonResponse(
            {
              statusCode: 409,
              code: 'RULE_VIOLATION',
              message: 'A derived indicator is computed from participants',
              details: { indicatorId: ['the indicator is derived'] },
              problems: { indicatorId: [{ code: 'derived' }] },
            },
            409,
          )
        : undefined,
    );
    renderApp({ url: `${BASE}/actuals/new?indicatorId=${TYPED.indicator.id}&period=2025-H2` });
    await screen.findByRole('heading', { level: 1, name: 'Kirjaa toteuma' });
    type('Arvo', '4');
    save();
    const indicator = screen.getByLabelText('Indikaattori');
    await waitFor(() => expect(indicator).toHaveAttribute('aria-invalid', 'true'));
    expect(indicator).toHaveAccessibleDescription(expect.stringContaining('lasketaan osallistujarekisteristä'));
  });

  it('says a period already reported (409 DUPLICATE, someone was quicker) is to be corrected, next to the period', async () => {
    indicatorsApi((request) =>
      request.method === 'POST'
        ? jsonResponse(
            {
              statusCode: 409,
              code: 'DUPLICATE',
              message: 'Another record already has the same value',
              details: { period: ['another record already has this value'] },
              problems: { period: [{ code: 'duplicate' }] },
            },
            409,
          )
        : undefined,
    );
    renderApp({ url: `${BASE}/actuals/new?indicatorId=${EUROS.id}&period=2025-H1` });
    await screen.findByRole('heading', { level: 1, name: 'Kirjaa toteuma' });
    type('Arvo', '120 000');
    save();
    const period = screen.getByLabelText('Kausi');
    await waitFor(() => expect(period).toHaveAttribute('aria-invalid', 'true'));
    expect(period).toHaveAccessibleDescription(
      expect.stringContaining('Tälle kaudelle on jo kirjattu toteuma. Korjaa se.'),
    );
  });

  it('corrects a reported actual with the version read as If-Match', async () => {
    const fetchMock = indicatorsApi((request) =>
      request.method === 'PATCH' ? jsonResponse({ ...ACTUAL, value: '3.5', version: 2 }) : undefined,
    );
    const { router } = renderApp({ url: `${BASE}/actuals/${ACTUAL.id}/edit` });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Korjaa toteuma: KUO-01 Uudet palvelutuotteet, 1. puolivuosi 2025',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Kausi')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Arvo')).toHaveValue('3');
    type('Arvo', '3,5');
    type('Lisätieto', 'Korjattu laskentavirhe');
    save();

    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const [patch] = requestsTo(fetchMock, `/api/indicator-actuals/${ACTUAL.id}`, 'PATCH');
    expect(patch!.headers.get('If-Match')).toBe(`"${ACTUAL.version}"`);
    expect(await patch!.json()).toEqual({ value: '3.5', note: 'Korjattu laskentavirhe' });
  });

  it('is not open to a user who may not edit the portfolio', async () => {
    const liaison = {
      ...signedInMe({ user: { role: 'liaison', organisation: null } }),
      permissions: ['portfolio:read' as const],
      cityId: null,
    };
    const fetchMock = indicatorsApi(undefined, liaison);
    renderApp({ url: `${BASE}/actuals/new` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ei käyttöoikeutta' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Arvo')).not.toBeInTheDocument();
    expect(requestsTo(fetchMock, '/api/indicators')).toEqual([]);
  });
});

describe('after a save', () => {
  it('the project page shows the new figures (its indicator query is refetched)', async () => {
    let results = RESULTS;
    const fetchMock = indicatorsApi((request) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'POST') {
        results = {
          ...RESULTS,
          indicators: [
            {
              ...TYPED,
              result: {
                ...TYPED.result,
                periods: TYPED.result.periods.map((p) => (p.period === '2025-H2' ? { ...p, value: '4' } : p)),
                toDate: '9.5',
                achievement: 0.475,
              },
            },
            DERIVED,
          ],
        };
        return jsonResponse({ ...ACTUAL, id: 'new', period: '2025-H2', value: '4' }, 201);
      }
      return pathname === `/api/indicator-results/projects/${PROJECT_ID}` ? jsonResponse(results) : undefined;
    });
    const { router } = renderApp({ url: `/projects/${PROJECT_ID}` });
    const section = await screen.findByRole('region', { name: 'Indikaattorit' });
    expect(await within(section).findByText('28 % tavoitteesta')).toBeInTheDocument();
    fireEvent.click(
      within(section).getByRole('link', { name: 'Kirjaa toteuma: KUO-01 Uudet palvelutuotteet, 2. puolivuosi 2025' }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Kirjaa toteuma' });
    type('Arvo', '4');
    save();
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const after = await screen.findByRole('region', { name: 'Indikaattorit' });
    expect(await within(after).findByText('48 % tavoitteesta')).toBeInTheDocument();
    expect(requestsTo(fetchMock, `/api/indicator-results/projects/${PROJECT_ID}`).length).toBeGreaterThan(1);
  });
});
