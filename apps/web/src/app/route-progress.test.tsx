import { act, screen } from '@testing-library/react';
import { jsonResponse, mockFetch, renderApp, signedInMe } from '../test/render-app';
import { PROGRESS_DELAY_MS } from './route-progress';

afterEach(() => {
  jest.useRealTimers();
  localStorage.clear();
});

/** A response the test gives when it chooses. */
function deferred() {
  let resolve: (response: Response) => void = () => undefined;
  const promise = new Promise<Response>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Moves the fake clock on in steps of 10 ms, letting React render and run effects after each. */
function advance(ms: number) {
  for (let step = 0; step < ms; step += 10) act(() => jest.advanceTimersByTime(10));
}

describe('the progress bar', () => {
  it('shows only after 200 ms of loading, named for screen readers, and goes when the data has come', async () => {
    jest.useFakeTimers();
    const session = deferred();
    mockFetch(() => session.promise);
    renderApp({ url: '/password' });

    // A quick answer shows nothing: no bar before 200 ms.
    advance(PROGRESS_DELAY_MS - 10);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    advance(30);
    const bar = screen.getByRole('progressbar', { name: 'Ladataan…' });
    // In the header (banner), so it is inside a landmark.
    expect(screen.getByRole('banner')).toContainElement(bar);

    await act(async () => {
      session.resolve(jsonResponse(signedInMe()));
      await jest.runAllTimersAsync();
    });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
