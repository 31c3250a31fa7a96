import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import { authKeys, type Me } from '../../../lib/session';
import { mockFetch, signedInMe } from '../../../test/render-app';
import { PROJECT_ID, project, projectPageApi } from '../../../test/project-fixtures';
import { renderProjectPage } from '../test/render-project-page';

function renderAs(me: Me) {
  mockFetch(projectPageApi());
  const rendered = renderProjectPage(PROJECT_ID);
  rendered.queryClient.setQueryData(authKeys.me, me);
  return rendered;
}

async function actions() {
  await screen.findByRole('heading', { level: 1, name: project.name });
  return screen.getByRole('navigation', { name: 'Muokkaa hanketta ja sen tietoja' });
}

describe('the project page’s actions', () => {
  it('offers one primary action, the status report, and the rest behind a closed menu', async () => {
    renderAs(signedInMe());
    const nav = await actions();
    expect(within(nav).getByRole('link', { name: 'Lisää tilanneraportti' })).toHaveAttribute(
      'href',
      `/projects/${PROJECT_ID}/status-reports/new`,
    );
    const menu = within(nav).getByRole('button', { name: 'Muut toiminnot' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    const list = document.getElementById(menu.getAttribute('aria-controls')!)!;
    expect(list).not.toBeVisible();
    // Only the primary action is a link that can be reached while the menu is closed.
    expect(within(nav).getAllByRole('link')).toHaveLength(1);

    fireEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(list).toBeVisible();
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Muokkaa hanketta', `/projects/${PROJECT_ID}/edit`],
      ['Vaihda vaihetta', `/projects/${PROJECT_ID}/status`],
      ['Lisää rahoituspäätös', `/projects/${PROJECT_ID}/funding-decisions/new`],
      ['Lisää virstanpylväs', `/projects/${PROJECT_ID}/milestones/new`],
      ['Lisää osallistuja', `/projects/${PROJECT_ID}/participants/new`],
    ]);
  });

  it('closes the menu on Escape and gives focus back to its button', async () => {
    renderAs(signedInMe());
    const nav = await actions();
    const menu = within(nav).getByRole('button', { name: 'Muut toiminnot' });
    menu.focus();
    fireEvent.click(menu);
    const first = within(nav).getByRole('link', { name: 'Muokkaa hanketta' });
    first.focus();
    fireEvent.keyDown(first, { key: 'Escape' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
    expect(within(nav).queryByRole('link', { name: 'Muokkaa hanketta' })).not.toBeInTheDocument();
  });

  it('closes the menu when focus leaves it or the user clicks elsewhere', async () => {
    renderAs(signedInMe());
    const nav = await actions();
    const menu = within(nav).getByRole('button', { name: 'Muut toiminnot' });
    fireEvent.click(menu);
    const last = within(nav).getByRole('link', { name: 'Lisää osallistuja' });
    // Tab past the last link: focus goes to the next thing on the page.
    fireEvent.blur(last, { relatedTarget: screen.getByRole('link', { name: 'Perustiedot' }) });
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    fireEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    fireEvent.mouseDown(screen.getByRole('heading', { level: 1 }));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('puts the payment links beside the decisions in the funding section', async () => {
    renderAs(signedInMe());
    const funding = await screen.findByRole('region', { name: 'Rahoitus' });
    expect(
      await within(funding).findByRole('link', { name: /^Lisää maksu päätökseen Työ- ja elinkeinoministeriö/ }),
    ).toBeInTheDocument();
    // The city's decision has no amount granted yet: it offers recording the amount instead.
    expect(within(funding).getAllByRole('link', { name: /^Kirjaa myönnetty summa päätökseen/ })).toHaveLength(1);
  });

  it('shows no actions to a user who may not edit', async () => {
    renderAs({ ...signedInMe(), permissions: ['portfolio:read'], cityId: null });
    await screen.findByRole('heading', { level: 1, name: project.name });
    await screen.findByRole('table', { name: 'Rahoituspäätökset' });
    expect(screen.queryByRole('navigation', { name: 'Muokkaa hanketta ja sen tietoja' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Muut toiminnot' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Lisää maksu/ })).not.toBeInTheDocument();
  });
});
