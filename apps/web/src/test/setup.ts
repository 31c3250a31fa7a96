import '@testing-library/jest-dom';

// jsdom does not lay out or scroll; the router's scroll restoration calls this on each navigation.
window.scrollTo = () => undefined;

// jsdom's CSS parser does not know the page-margin rules inside @page (@top-left { … }) that a
// printed report puts in <head> (features/reports/components/report-parts.tsx) and browsers draw;
// it reports them as an unparsable sheet. The tests read that sheet's text; the report is quiet.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  // (jsdom's Error comes from another realm: not `instanceof Error` here.)
  if ((args[0] as { type?: unknown } | undefined)?.type === 'css parsing') return;
  consoleError(...args);
};
