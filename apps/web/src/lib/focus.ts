/**
 * Moves focus to the main heading of the page (the h1 inside <main>, which has tabIndex -1) when
 * the view changes without a page load: after sign-in, sign-out or opening another page. Screen
 * reader users then hear where they are, and keyboard users continue from the new content.
 * A page still without its heading (loading) gets focus on <main> itself (also tabIndex -1).
 */
export function focusMainHeading(): void {
  const target = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
  target?.focus();
}
