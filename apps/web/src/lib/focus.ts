/**
 * Moves focus to the main heading of the page (the h1 inside <main>, which has tabIndex -1) when
 * the view changes without a page load: after sign-in, sign-out or opening another page. Screen
 * reader users then hear where they are, and keyboard users continue from the new content.
 */
export function focusMainHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus();
}
