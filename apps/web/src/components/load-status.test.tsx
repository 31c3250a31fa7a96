import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { act, useState } from 'react';
import { QueryView, StatusLine } from './load-status';

describe('StatusLine', () => {
  it('is an empty live region until there is something to say, then a marked box for a success', () => {
    function Saver() {
      const [saved, setSaved] = useState(false);
      return (
        <>
          <StatusLine tone={saved ? 'success' : undefined}>{saved ? 'Tallennettu.' : ''}</StatusLine>
          <button type="button" onClick={() => setSaved(true)}>
            Tallenna
          </button>
        </>
      );
    }
    render(<Saver />);
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    expect(status).not.toHaveClass('status-message--success');

    act(() => screen.getByRole('button', { name: 'Tallenna' }).click());
    // The same live region (so it is read out), now with the message, shown as a success.
    expect(screen.getByRole('status')).toBe(status);
    expect(status).toHaveTextContent('Tallennettu.');
    expect(status).toHaveClass('status-message--success');
  });

  it('is not marked as a success while empty, even with the success tone', () => {
    render(<StatusLine tone="success">{''}</StatusLine>);
    expect(screen.getByRole('status')).not.toHaveClass('status-message--success');
  });
});

describe('QueryView', () => {
  function View({ queryFn }: { queryFn: () => Promise<string> }) {
    const query = useQuery({ queryKey: ['view'], queryFn, retry: false });
    return (
      <QueryView
        query={query}
        loading="Ladataan…"
        failure="Lataus epäonnistui."
        retryLabel="Yritä uudelleen"
        className="box"
      >
        {(data) => <p>{data}</p>}
      </QueryView>
    );
  }

  it('holds the place of the data while it loads, so nothing below jumps when it comes', async () => {
    let answer: (value: string) => void = () => undefined;
    const { container } = render(
      <QueryClientProvider client={new QueryClient()}>
        <View queryFn={() => new Promise<string>((resolve) => (answer = resolve))} />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Ladataan…')).toBeInTheDocument();
    expect(container.querySelector('.query-view__placeholder')).toHaveAttribute('aria-hidden', 'true');

    act(() => answer('Luvut'));
    expect(await screen.findByText('Luvut')).toBeInTheDocument();
    expect(container.querySelector('.query-view__placeholder')).toBeNull();
  });

  it('shows no placeholder beside a failure', async () => {
    const { container } = render(
      <QueryClientProvider client={new QueryClient()}>
        <View queryFn={() => Promise.reject(new Error('no'))} />
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Lataus epäonnistui.');
    expect(container.querySelector('.query-view__placeholder')).toBeNull();
  });
});
