import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { testI18n } from '../test/i18n';
import { BarChartFigure } from './bar-chart-figure';
import { compactMoney } from './funding-chart';

const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

function renderChart(props: Omit<Parameters<typeof BarChartFigure>[0], 'className' | 'categoryKey'>) {
  const { container } = render(
    <I18nextProvider i18n={testI18n('fi')}>
      <BarChartFigure className="test-chart" categoryKey="name" {...props} />
    </I18nextProvider>,
  );
  const figure = container.querySelector('.test-chart')!;
  return {
    figure,
    /** The value axis as shown, top to bottom. */
    ticks: () => [...figure.querySelectorAll('.bar-chart__ticks > span')].map((tick) => tick.textContent),
    categories: () => [...figure.querySelectorAll('.bar-chart__categories > span')].map((c) => c.textContent),
    /** Each drawn bar: where it is across and up the plot (percent of its box) and its colour. */
    bars: () =>
      [...figure.querySelectorAll('rect')].map((rect) => ({
        x: parseFloat(rect.getAttribute('x')!),
        width: parseFloat(rect.getAttribute('width')!),
        top: parseFloat(rect.getAttribute('y')!),
        height: parseFloat(rect.getAttribute('height')!),
        fill: rect.getAttribute('fill'),
      })),
  };
}

describe('BarChartFigure', () => {
  it('draws one bar per category, as high as its value on a whole-number axis, with the names below', () => {
    const chart = renderChart({
      label: 'Hankkeet vaiheittain: Suunniteltu 1, Käynnissä 3, Keskeytetty 0, Päättynyt 2',
      data: [
        { name: 'Suunniteltu', count: 1 },
        { name: 'Käynnissä', count: 3 },
        { name: 'Keskeytetty', count: 0 },
        { name: 'Päättynyt', count: 2 },
      ],
      series: [{ key: 'count', label: 'Hankkeita', colour: '#1f5fa8' }],
      colours: ['#111111', '#222222', '#333333', '#444444'],
    });

    // One image with the figures in its name; the text of the drawing is not read twice.
    expect(screen.getByRole('img')).toHaveAccessibleName(expect.stringContaining('Käynnissä 3'));
    expect(chart.ticks()).toEqual(['3', '2', '1', '0']);
    expect(chart.categories()).toEqual(['Suunniteltu', 'Käynnissä', 'Keskeytetty', 'Päättynyt']);
    // No bar for a zero; each bar in its own quarter of the width, its colour from the datum's.
    const bars = chart.bars();
    expect(bars.map((bar) => bar.fill)).toEqual(['#111111', '#222222', '#444444']);
    expect(bars.map((bar) => Math.round(bar.height))).toEqual([33, 100, 67]);
    expect(bars.map((bar) => Math.floor(bar.x / 25))).toEqual([0, 1, 3]);
    for (const bar of bars) expect(bar.top + bar.height).toBeCloseTo(100); // standing on the zero line
    // A single series needs no legend.
    expect(chart.figure.querySelector('.chart-legend')).toBeNull();
  });

  it('sets a group of series side by side, money on the axis, and names the series in a legend', () => {
    const chart = renderChart({
      label: 'Rahoitus',
      data: [
        { name: 'Vesi', granted: 200000, paid: 50000.5, remaining: 149999.5 },
        { name: 'Terveys', granted: 100000, paid: 0, remaining: 100000 },
      ],
      series: [
        { key: 'granted', label: 'Myönnetty', colour: '#1f5fa8' },
        { key: 'paid', label: 'Maksettu', colour: '#2e7d32' },
        { key: 'remaining', label: 'Jäljellä', colour: '#8a5300' },
      ],
      formatValue: compactMoney('fi'),
    });

    expect(chart.ticks()).toEqual(['200 t. €', '150 t. €', '100 t. €', '50 t. €', '0 €'].map(nbsp));
    const [granted, paid, remaining, granted2] = chart.bars();
    expect(granted!.height).toBeCloseTo(100);
    expect(paid!.height).toBeCloseTo(25, 1);
    // Side by side within the first half of the width, in the series' order.
    expect(granted!.x + granted!.width).toBeLessThan(paid!.x);
    expect(paid!.x + paid!.width).toBeLessThan(remaining!.x);
    expect(remaining!.x + remaining!.width).toBeLessThan(50);
    expect(granted2!.x).toBeGreaterThan(50);
    expect(chart.figure.querySelector('.chart-legend')).toHaveTextContent('MyönnettyMaksettuJäljellä');
  });

  it('stacks the parts of one whole on top of each other', () => {
    const chart = renderChart({
      label: 'Tilanne',
      data: [{ name: 'Kuopio', on_track: 2, at_risk: 1, off_track: 1 }],
      series: [
        { key: 'on_track', label: 'Etenee', colour: '#2e7d32' },
        { key: 'at_risk', label: 'Riskissä', colour: '#8a5300' },
        { key: 'off_track', label: 'Ei etene', colour: '#b3261e' },
      ],
      stacked: true,
    });

    expect(chart.ticks()).toEqual(['4', '3', '2', '1', '0']);
    const [onTrack, atRisk, offTrack] = chart.bars();
    expect([onTrack!.height, atRisk!.height, offTrack!.height]).toEqual([50, 25, 25]);
    expect(onTrack!.top).toBeCloseTo(50);
    expect(atRisk!.top).toBeCloseTo(25);
    expect(offTrack!.top).toBeCloseTo(0);
    expect(new Set(chart.bars().map((bar) => bar.x)).size).toBe(1);
  });

  it('shows its title and unit above the drawing, and a sentence instead of an empty axis', () => {
    const chart = renderChart({
      label: 'Rahoitus',
      title: 'Rahoitus painopisteittäin',
      unit: 'Euroa',
      data: [{ name: 'Vesi', count: 2 }],
      series: [{ key: 'count', label: 'Myönnetty', colour: '#1f5fa8' }],
    });
    expect(chart.figure.querySelector('.bar-chart-figure__title')).toHaveTextContent('Rahoitus painopisteittäin');
    expect(chart.figure.querySelector('.bar-chart-figure__unit')).toHaveTextContent('Euroa');
    cleanup();

    const empty = renderChart({
      label: 'Rahoitus',
      data: [
        { name: 'Vesi', count: 0 },
        { name: 'Terveys', count: 0 },
      ],
      series: [{ key: 'count', label: 'Myönnetty', colour: '#1f5fa8' }],
      empty: 'Rahoitusta ei ole vielä myönnetty.',
    });
    expect(empty.figure).toHaveTextContent('Rahoitusta ei ole vielä myönnetty.');
    expect(empty.ticks()).toEqual([]);
    expect(empty.bars()).toEqual([]);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
