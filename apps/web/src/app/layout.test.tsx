import { screen } from '@testing-library/react';
import { jsonResponse, mockFetch, renderApp } from '../test/render-app';

afterEach(() => {
  localStorage.clear();
});

describe('layout', () => {
  it('has a skip link to main and the banner, main and contentinfo landmarks', async () => {
    mockFetch(() => jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 }));
    renderApp();
    const main = screen.getByRole('main');
    expect(screen.getByRole('link', { name: 'Siirry pääsisältöön' })).toHaveAttribute('href', `#${main.id}`);
    expect(screen.getByRole('banner')).toHaveTextContent('Salkku');
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(await screen.findByText('Hankkeita ei ole vielä.')).toBeInTheDocument();
    expect(document.title).toBe('Hankkeet – Salkku');
  });

  it('starts in the language remembered from an earlier visit', () => {
    mockFetch(() => jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 }));
    localStorage.setItem('salkku.language', 'sv');
    renderApp({ language: 'remembered' });
    expect(screen.getByRole('heading', { level: 1, name: 'Projekt' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'svenska' })).toHaveAttribute('aria-pressed', 'true');
  });
});
