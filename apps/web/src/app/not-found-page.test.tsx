import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { emptyDashboardResponse, jsonResponse, mockFetch, renderApp, withSession } from '../test/render-app';

describe('"not found" pages give a way back (issue 9, item 21)', () => {
  it('an unknown address links to the start page and the projects', async () => {
    mockFetch(withSession(() => emptyDashboardResponse()));
    renderApp({ url: '/no-such-page' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sivua ei löytynyt' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Etusivulle' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('link', { name: 'Hankkeiden luetteloon' })).toHaveAttribute('href', '/projects');
  });

  it('a project that does not exist has a breadcrumb and a link back to the projects', async () => {
    mockFetch(
      withSession(() => jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Project not found' }, 404)),
    );
    renderApp({ url: '/projects/b7d1c2e3-0000-4000-8000-0000000000ff' });
    await screen.findByRole('heading', { level: 1, name: 'Hanketta ei löytynyt' });
    expect(screen.getByRole('navigation', { name: 'Murupolku' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Hankkeiden luetteloon' })).toHaveAttribute('href', '/projects');
  });
});
