import { screen } from '@testing-library/react';
import { jsonResponse, mockFetch, renderApp, signedInMe, withSession } from '../test/render-app';

afterEach(() => {
  localStorage.clear();
});

describe('layout', () => {
  it('has a skip link to main and the banner, main and contentinfo landmarks', async () => {
    mockFetch(withSession(() => jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 })));
    renderApp({ url: '/projects' });
    const main = screen.getByRole('main');
    expect(screen.getByRole('link', { name: 'Siirry pääsisältöön' })).toHaveAttribute('href', `#${main.id}`);
    expect(screen.getByRole('banner')).toHaveTextContent('Salkku');
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(await screen.findByText('Hankkeita ei ole vielä.')).toBeInTheDocument();
    expect(document.title).toBe('Hankkeet – Salkku');
  });

  it('starts in the language remembered from an earlier visit, which wins over the profile language', async () => {
    mockFetch(
      withSession(
        () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 }),
        signedInMe({ user: { language: 'en' } }),
      ),
    );
    localStorage.setItem('salkku.language', 'sv');
    renderApp({ language: 'remembered', url: '/projects' });
    expect(screen.getByRole('button', { name: 'svenska' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('heading', { level: 1, name: 'Projekt' })).toBeInTheDocument();
    expect(await screen.findByText('Det finns inga projekt ännu.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'svenska' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('announces that the session is being checked before showing anything else', () => {
    mockFetch(() => new Promise<Response>(() => undefined));
    renderApp();
    expect(screen.getByRole('status')).toHaveTextContent('Tarkistetaan kirjautumista…');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  });
});
