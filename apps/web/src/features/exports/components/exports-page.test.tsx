import '@testing-library/jest-dom';
// jsdom's globals lack ReadableStream (Response, from Node, takes Node's).
import { ReadableStream } from 'node:stream/web';
import { fireEvent, screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch, renderApp, requestsTo, signedInMe, withSession } from '../../../test/render-app';

const manager = (language: 'fi' | 'en' = 'fi') => ({
  ...signedInMe({ user: { role: 'manager', email: 'johto@kuopio.example', language } }),
  permissions: ['portfolio:read' as const, 'portfolio:export' as const, 'organisations:read' as const],
});

const AGREEMENT_ID = 'a0000000-0000-4000-8000-000000000001';
const agreements = {
  items: [{ id: AGREEMENT_ID, title: 'Kuopion ekosysteemisopimus' }],
  total: 1,
  page: 1,
  pageSize: 100,
};

/** A CSV body that arrives in several chunks, one split inside a quoted field with a line feed. */
function csvResponse(chunks: string[], headers: Record<string, string>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body as unknown as BodyInit, {
    status: 200,
    headers: { 'Content-Type': 'text/csv; charset=utf-8', ...headers },
  });
}

function api(exportAnswer: (request: Request) => Response, language: 'fi' | 'en' = 'fi') {
  return withSession((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/agreements') return jsonResponse(agreements);
    if (pathname.startsWith('/api/exports/')) return exportAnswer(request);
    return jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, 404);
  }, manager(language));
}

let saved: string[];
beforeEach(() => {
  saved = [];
  URL.createObjectURL = jest.fn(() => 'blob:salkku-test');
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
});
afterEach(() => jest.restoreAllMocks());

describe('the exports page', () => {
  it('downloads the chosen list with the chosen profile, counting the rows as they arrive', async () => {
    const fetchMock = mockFetch(
      api(() =>
        csvResponse(['\uFEFFKoodi;Nimi\r\nVESI-KH;"Vesi\nosa', ' 1"\r\nTERV-KH;"Sanoi ""hei"""\r\n'], {
          'X-Export-Rows': '2',
          'Content-Disposition': `attachment; filename="salkku-hankkeet-kuopio-2026-12-01.csv"; filename*=UTF-8''salkku-hankkeet-kuopio-2026-12-01.csv`,
        }),
      ),
    );
    renderApp({ url: '/exports' });
    await screen.findByRole('heading', { level: 1, name: 'CSV-viennit' });
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).getByRole('link', { name: 'Viennit' })).toHaveAttribute('aria-current', 'page');

    fireEvent.change(screen.getByLabelText('Tiedot'), { target: { value: 'milestones' } });
    await screen.findByRole('option', { name: 'Kuopion ekosysteemisopimus' });
    fireEvent.change(screen.getByLabelText('Ekosysteemisopimus'), { target: { value: AGREEMENT_ID } });
    // Finnish UI: the Finnish Excel profile is chosen; the user switches to the standard one.
    expect(screen.getByRole('radio', { name: /Excel \(suomi\)/ })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: /Vakio-CSV/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lataa CSV' }));

    expect(
      await screen.findByText('Tiedosto salkku-hankkeet-kuopio-2026-12-01.csv ladattu (2 riviä).'),
    ).toHaveAttribute('role', 'status');
    const [request] = requestsTo(fetchMock, '/api/exports/milestones.csv');
    const query = new URL(request!.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({ agreementId: AGREEMENT_ID, profile: 'standard', lang: 'fi' });
    expect(saved).toEqual(['salkku-hankkeet-kuopio-2026-12-01.csv']);
  });

  it.each([
    ['participants', 'Osallistujat (Y-tunnus puuttuu -merkintä)'],
    ['indicator-values', 'Indikaattorien arvot (kausittain, tavoitteineen)'],
  ])('offers the %s export of an agreement, in the language and profile chosen', async (dataset, label) => {
    const fetchMock = mockFetch(
      api(() =>
        csvResponse(['Hanketunnus,Hanke\r\nVESI-KH,Vesi\r\n'], {
          'X-Export-Rows': '1',
          'Content-Disposition': `attachment; filename="salkku-${dataset}.csv"`,
        }),
      ),
    );
    renderApp({ url: '/exports' });
    await screen.findByRole('heading', { level: 1, name: 'CSV-viennit' });
    fireEvent.change(screen.getByLabelText('Tiedot'), { target: { value: dataset } });
    expect(screen.getByRole('option', { name: label })).toHaveProperty('selected', true);
    await screen.findByRole('option', { name: 'Kuopion ekosysteemisopimus' });
    fireEvent.change(screen.getByLabelText('Ekosysteemisopimus'), { target: { value: AGREEMENT_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Lataa CSV' }));
    expect(await screen.findByText(`Tiedosto salkku-${dataset}.csv ladattu (1 rivi).`)).toHaveAttribute(
      'role',
      'status',
    );
    const [request] = requestsTo(fetchMock, `/api/exports/${dataset}.csv`);
    expect(Object.fromEntries(new URL(request!.url).searchParams)).toEqual({
      agreementId: AGREEMENT_ID,
      profile: 'fi-excel',
      lang: 'fi',
    });
  });

  it('says when to try again when the API refuses with 429', async () => {
    mockFetch(
      api(
        () =>
          jsonResponse({ statusCode: 429, code: 'TOO_MANY_EXPORTS', message: 'Too many exports' }, 429, {
            'Retry-After': '30',
          }),
        'en',
      ),
    );
    renderApp({ url: '/exports', language: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'CSV exports' });
    expect(screen.getByRole('radio', { name: /Standard CSV/ })).toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You already have too many exports running. Try again in 30 seconds.',
    );
    expect(saved).toEqual([]);
  });

  it('shows a user without the export permission the no-access page, and the menu has no link', async () => {
    mockFetch(withSession(() => jsonResponse(agreements)));
    renderApp({ url: '/exports' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ei käyttöoikeutta' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lataa CSV' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Viennit' })).not.toBeInTheDocument();
  });
});
