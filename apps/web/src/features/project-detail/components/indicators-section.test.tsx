import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import type { Language } from '@salkku/shared';
import { authKeys, type Me } from '../../../lib/session';
import { jsonResponse, mockFetch, signedInMe } from '../../../test/render-app';
import { DERIVED, RESULTS, TYPED, type Results } from '../../../test/indicator-fixtures';
import {
  historyItems,
  historyPage,
  PROJECT_ID,
  projectIndicators,
  projectPageApi,
} from '../../../test/project-fixtures';
import { renderProjectPage } from '../test/render-project-page';

const LIAISON: Me = {
  ...signedInMe(),
  user: { ...signedInMe().user, role: 'liaison', organisation: null },
  permissions: ['portfolio:read', 'portfolio:export', 'organisations:read'],
  cityId: null,
};

function renderWith(results: Results, { me, language }: { me?: Me; language?: Language } = {}) {
  mockFetch(projectPageApi({ [`/api/indicator-results/projects/${PROJECT_ID}`]: () => jsonResponse(results) }));
  const rendered = renderProjectPage(PROJECT_ID, { language });
  if (me) rendered.queryClient.setQueryData(authKeys.me, me);
  return rendered;
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function indicatorRegion(name: string) {
  const section = await screen.findByRole('region', { name: 'Indikaattorit' });
  return within(section).findByRole('region', { name });
}

function fact(region: HTMLElement, term: string) {
  return text(within(region).getByText(term, { selector: 'dt' }).nextElementSibling);
}

describe('the project page’s indicators', () => {
  it('shows the target, the actuals by period, the value to date, the achievement and the pace in words', async () => {
    renderWith(RESULTS, { me: LIAISON });
    const typed = await indicatorRegion('KUO-01 Uudet palvelutuotteet');
    expect(fact(typed, 'Lähtötaso')).toBe('0 (vuonna 2024)');
    expect(fact(typed, 'Tavoite')).toBe('20 (vuonna 2029)');
    expect(fact(typed, 'Vuositavoitteet')).toBe('2026: 8');
    expect(fact(typed, 'Toteuma tähän mennessä')).toBe('5,5');
    expect(fact(typed, 'Saavutusaste')).toBe('28 % tavoitteesta');
    expect(fact(typed, 'Eteneminen')).toBe('Jäljessä aikataulusta');

    const table = within(typed).getByRole('table', { name: 'Toteumat kausittain: KUO-01 Uudet palvelutuotteet' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [...row.querySelectorAll('th, td')].map(text)),
    ).toEqual([
      ['1. puolivuosi 2025', '3'],
      ['2. puolivuosi 2025', 'Ei raportoitu'],
      ['1. puolivuosi 2026', '2,5'],
    ]);
    expect(within(typed).queryByText('Laskettu osallistujista')).not.toBeInTheDocument();
  });

  it('says "no target set" (never 0) and marks a derived indicator, listing its enterprises with the flag', async () => {
    renderWith(RESULTS, { me: LIAISON });
    const derived = await indicatorRegion('RCO01 Tuetut yritykset');
    expect(within(derived).getByText('Laskettu osallistujista')).toBeInTheDocument();
    expect(fact(derived, 'Tavoite')).toBe('Tavoitetta ei ole asetettu');
    expect(fact(derived, 'Lähtötaso')).toBe('Tavoitetta ei ole asetettu');
    expect(fact(derived, 'Saavutusaste')).toBe('Tavoitetta ei ole asetettu');
    expect(fact(derived, 'Toteuma tähän mennessä')).toBe('2');
    const enterprises = within(derived).getByRole('table', { name: 'Yritykset: RCO01 Tuetut yritykset' });
    expect(within(enterprises).getByRole('row', { name: /Vesiyritys Oy/ })).toHaveTextContent('1234567-8');
    expect(within(enterprises).getByRole('row', { name: /Nimetön Oy/ })).toHaveTextContent(
      'Ei Y-tunnusta – sama yritys voi tulla lasketuksi kahdesti',
    );
  });

  it('speaks Swedish and English: the periods, the achievement and the missing target', async () => {
    renderWith(RESULTS, { me: LIAISON, language: 'sv' });
    const sv = await screen.findByRole('region', { name: 'Indikatorer' });
    const typedSv = within(sv).getByRole('region', { name: 'KUO-01 Nya tjänsteprodukter' });
    expect(fact(typedSv, 'Måluppfyllelse')).toBe('28 % av målet');
    expect(fact(typedSv, 'Framsteg')).toBe('Efter tidsplanen');
    expect(within(typedSv).getByRole('rowheader', { name: '1:a halvåret 2025' })).toBeInTheDocument();
    expect(fact(within(sv).getByRole('region', { name: 'RCO01 Företag som får stöd' }), 'Mål')).toBe(
      'Inget mål har satts',
    );
  });

  it('in English', async () => {
    renderWith(
      { ...RESULTS, indicators: [{ ...TYPED, result: { ...TYPED.result, onPace: true } }, DERIVED] },
      {
        me: LIAISON,
        language: 'en',
      },
    );
    const en = await screen.findByRole('region', { name: 'Indicators' });
    const typed = within(en).getByRole('region', { name: 'KUO-01 New service products' });
    expect(fact(typed, 'Pace')).toBe('On pace');
    expect(within(typed).getByRole('rowheader', { name: 'H2 2025' })).toBeInTheDocument();
    expect(fact(within(en).getByRole('region', { name: 'RCO01 Enterprises supported' }), 'Target')).toBe(
      'No target set',
    );
  });

  it('offers no editing to a reader', async () => {
    renderWith(RESULTS, { me: LIAISON });
    const section = await screen.findByRole('region', { name: 'Indikaattorit' });
    await within(section).findByRole('region', { name: 'KUO-01 Uudet palvelutuotteet' });
    expect(within(section).queryAllByRole('link')).toEqual([]);
  });

  it('gives a coordinator the links to set a target and to report or correct an actual, none to report a derived one', async () => {
    renderWith(RESULTS, { me: signedInMe() });
    const section = await screen.findByRole('region', { name: 'Indikaattorit' });
    expect(within(section).getByRole('link', { name: 'Aseta tavoite' })).toHaveAttribute(
      'href',
      `/projects/${PROJECT_ID}/indicators/targets/new`,
    );
    const typed = within(section).getByRole('region', { name: 'KUO-01 Uudet palvelutuotteet' });
    expect(
      within(typed).getByRole('link', { name: 'Muokkaa tavoitetta: KUO-01 Uudet palvelutuotteet' }),
    ).toHaveAttribute('href', `/projects/${PROJECT_ID}/indicators/targets/${TYPED.targetId}/edit`);
    expect(
      within(typed).getByRole('link', { name: 'Korjaa toteuma: KUO-01 Uudet palvelutuotteet, 1. puolivuosi 2025' }),
    ).toHaveAttribute('href', `/projects/${PROJECT_ID}/indicators/actuals/${TYPED.actuals[0]!.id}/edit`);
    expect(
      within(typed).getByRole('link', {
        name: 'Kirjaa toteuma: KUO-01 Uudet palvelutuotteet, 2. puolivuosi 2025',
      }),
    ).toHaveAttribute(
      'href',
      `/projects/${PROJECT_ID}/indicators/actuals/new?indicatorId=${TYPED.indicator.id}&period=2025-H2`,
    );

    const derived = within(section).getByRole('region', { name: 'RCO01 Tuetut yritykset' });
    expect(within(derived).getByRole('link', { name: 'Aseta tavoite: RCO01 Tuetut yritykset' })).toBeInTheDocument();
    expect(within(derived).queryByRole('link', { name: /Kirjaa toteuma|Korjaa/ })).not.toBeInTheDocument();
  });

  it('says so when the project has no indicators', async () => {
    renderWith(projectIndicators, { me: LIAISON });
    const section = await screen.findByRole('region', { name: 'Indikaattorit' });
    expect(
      await within(section).findByText('Hankkeelle ei ole asetettu tavoitteita eikä kirjattu toteumia.'),
    ).toBeInTheDocument();
    expect(section).toHaveTextContent('Toteumat kirjataan puolivuosittain.');
  });

  it('names a target’s and an actual’s changes in the project history in the indicators’ words', async () => {
    const base = historyItems[0]!;
    const item = (
      id: string,
      entityType: string,
      action: 'create' | 'update',
      changes: NonNullable<(typeof base)['changes']>,
    ) => ({
      ...base,
      id,
      kind: 'audit' as const,
      action,
      entityType,
      entityId: id,
      changes,
      references: [{ id: TYPED.indicator.id, kind: 'indicator' as const, name: 'KUO-01 Uudet palvelutuotteet' }],
    });
    const items = [
      item('70000000-0000-4000-8000-0000000000a2', 'indicator_actual', 'update', {
        value: { old: '3', new: '3.5' },
        note: { old: null, new: 'Korjattu' },
      }),
      item('70000000-0000-4000-8000-0000000000a1', 'indicator_target', 'create', {
        indicatorId: { old: null, new: TYPED.indicator.id },
        baselineYear: { old: null, new: 2024 },
        targetValue: { old: null, new: '1500' },
        milestones: { old: null, new: [{ year: 2026, value: '8' }] as unknown as string },
      }),
    ];
    mockFetch(
      projectPageApi({
        [`/api/indicator-results/projects/${PROJECT_ID}`]: () => jsonResponse(RESULTS),
        [`/api/projects/${PROJECT_ID}/history`]: () => jsonResponse(historyPage(items)),
      }),
    );
    renderProjectPage(PROJECT_ID);
    const history = await screen.findByRole('region', { name: 'Muutoshistoria' });
    fireEvent.click(within(history).getByRole('button', { name: 'Näytä muutoshistoria' }));
    const [actual, target] = within(await within(history).findByRole('list')).getAllByRole('listitem');
    const change = (element: HTMLElement, field: string) => text(within(element).getByText(field).nextElementSibling);
    expect(actual).toHaveTextContent('Indikaattorin toteuma: muutettu');
    expect(change(actual!, 'Arvo')).toBe('3 → muuttui arvoon 3,5');
    expect(change(actual!, 'Lisätieto')).toBe('(tyhjä) → muuttui arvoon Korjattu');
    expect(target).toHaveTextContent('Indikaattorin tavoite: lisätty');
    expect(change(target!, 'Indikaattori')).toBe('KUO-01 Uudet palvelutuotteet');
    expect(change(target!, 'Lähtötason vuosi')).toBe('2024');
    expect(change(target!, 'Tavoitearvo')).toBe('1 500');
    expect(change(target!, 'Vuositavoitteet')).toBe('2026: 8');
  });
});
