import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, mockFetch, renderApp, requestsTo, signedInMe } from '../../../test/render-app';

const ADMIN = signedInMe({
  user: { id: 'a0000000-0000-4000-8000-000000000001', role: 'admin', displayName: 'Aino Admin', organisation: null },
});
ADMIN.permissions = ['portfolio:read', 'users:manage', 'mail:read'];
ADMIN.cityId = null;

const PENDING = {
  id: 'd0000000-0000-4000-8000-000000000001',
  kind: 'report_returned',
  status: 'pending',
  userId: 'b0000000-0000-4000-8000-000000000002',
  recipientName: 'Kaisa Koordinaattori',
  recipientEmail: 'kaisa@kuopio.example',
  language: 'sv',
  subject: 'Rapport återsänd för ändringar: Vesiklusteri, 2:a halvåret 2025',
  body: 'Matti Virtanen återsände rapporten…\n\nhttps://salkku.example/rounds/r/reports/p\n',
  attempts: 2,
  lastError: 'connect ECONNREFUSED 127.0.0.1:25',
  createdAt: '2026-12-01T08:00:00.000Z',
  nextAttemptAt: '2026-12-01T08:01:30.000Z',
  sentAt: null,
};
const SENT = {
  ...PENDING,
  id: 'd0000000-0000-4000-8000-000000000002',
  kind: 'weekly_digest',
  status: 'sent',
  language: 'fi',
  subject: 'Viikkokooste: 1 raportti jätettävänä',
  attempts: 1,
  lastError: null,
  sentAt: '2026-12-01T09:00:00.000Z',
};

function mailApi(me = ADMIN, delivering = false) {
  return mockFetch(async (request) => {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname === '/api/me') return jsonResponse(me);
    if (pathname === '/api/mail-outbox') {
      const status = searchParams.get('status');
      const items = [PENDING, SENT].filter((m) => !status || m.status === status);
      return jsonResponse({ items, total: items.length, page: 1, pageSize: 25, delivering });
    }
    if (pathname === '/api/me/mail-digest' && request.method === 'PATCH') {
      return jsonResponse((await request.clone().json()) as object);
    }
    return jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 });
  });
}

afterEach(() => localStorage.clear());

describe('the mail outbox (admins)', () => {
  it('is in the admin navigation and shows each message with its state, and why nothing is sent', async () => {
    mailApi();
    renderApp({ url: '/projects' });
    const nav = await screen.findByRole('navigation', { name: 'Päävalikko' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Lähtevä posti' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lähtevä posti' })).toBeInTheDocument();
    expect(await screen.findByText(/postipalvelinta \(SMTP_URL\) ei ole asetettu/)).toBeInTheDocument();
    expect(screen.getByText('2 viestiä')).toBeInTheDocument();

    const returned = screen.getByRole('article', { name: PENDING.subject });
    expect(within(returned).getByText('Odottaa')).toBeInTheDocument();
    expect(within(returned).getByText('Raportti palautettu korjattavaksi')).toBeInTheDocument();
    expect(within(returned).getByText('Kaisa Koordinaattori <kaisa@kuopio.example>')).toBeInTheDocument();
    expect(within(returned).getByText('svenska')).toBeInTheDocument();
    expect(within(returned).getByText('connect ECONNREFUSED 127.0.0.1:25')).toBeInTheDocument();
    expect(within(returned).getByText('Seuraava yritys')).toBeInTheDocument();
    expect(within(returned).getByText(/https:\/\/salkku\.example\/rounds\/r\/reports\/p/)).toBeInTheDocument();

    const digest = screen.getByRole('article', { name: SENT.subject });
    expect(within(digest).getByText('Lähetetty', { selector: 'span' })).toBeInTheDocument();
    expect(within(digest).queryByText('Viimeisin virhe')).not.toBeInTheDocument();
  });

  it('filters by status through the API, and says nothing about delivery when mail is sent', async () => {
    const fetchMock = mailApi({ ...ADMIN, user: { ...ADMIN.user, language: 'en' } }, true);
    renderApp({ url: '/admin/outbox', language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mail outbox' })).toBeInTheDocument();
    await screen.findByText('2 messages');
    expect(screen.queryByText(/No email is sent/)).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failed' } });
    await screen.findByText('0 messages');
    const asked = requestsTo(fetchMock, '/api/mail-outbox').map((r) => new URL(r.url).searchParams.get('status'));
    expect(asked).toContain('failed');
  });

  it('is not offered to a coordinator, and its URL says there is no access', async () => {
    mailApi(signedInMe());
    renderApp({ url: '/admin/outbox' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ei käyttöoikeutta' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).queryByRole('link', { name: 'Lähtevä posti' })).not.toBeInTheDocument();
  });
});

describe('the email settings of the signed-in user', () => {
  it('turns the weekly digest off and on from the account menu, and says so', async () => {
    const fetchMock = mailApi(signedInMe({ user: { language: 'sv' } }));
    renderApp({ url: '/projects', language: 'sv' });
    fireEvent.click(await screen.findByRole('link', { name: 'E-postaviseringar' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'E-postaviseringar' })).toBeInTheDocument();
    const digest = screen.getByRole('checkbox', {
      name: 'Skicka mig ett veckosammandrag av rapporterna som ska lämnas',
    });
    expect(digest).toBeChecked();
    expect(digest).toHaveAccessibleDescription(/En gång i veckan/);
    expect(screen.getByText('Meddelandena kommer på det språk du har valt i Salkku: svenska.')).toBeInTheDocument();

    fireEvent.click(digest);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Veckosammandraget är avbeställt.'));
    expect(digest).not.toBeChecked();
    fireEvent.click(digest);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Veckosammandraget är beställt.'));
    expect(digest).toBeChecked();
    const sent = requestsTo(fetchMock, '/api/me/mail-digest', 'PATCH');
    expect(await Promise.all(sent.map((r) => r.json()))).toEqual([{ mailDigest: false }, { mailDigest: true }]);
  });

  it('shows a failure to save and keeps the stored choice', async () => {
    mockFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/me') return jsonResponse(signedInMe({ user: { mailDigest: false, language: 'en' } }));
      if (pathname === '/api/me/mail-digest')
        return jsonResponse({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' }, 503);
      return jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 });
    });
    renderApp({ url: '/email-settings', language: 'en' });
    const digest = await screen.findByRole('checkbox', { name: 'Send me a weekly digest of the reports to submit' });
    expect(digest).not.toBeChecked();
    fireEvent.click(digest);
    expect(await screen.findByText('Your choice could not be saved. Try again.')).toBeInTheDocument();
    expect(digest).not.toBeChecked();
  });
});
