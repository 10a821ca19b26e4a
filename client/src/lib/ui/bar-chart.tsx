// A horizontal bar chart (Chart.js, canvas) with its figures also given as a visually hidden table, since a
// canvas says nothing to a screen reader. Colours follow the theme's CSS variables.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef, useSyncExternalStore } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarChartProps {
  /** Accessible name of the chart and caption of its table. */
  label: string;
  /** Header of the value column in the accessible table. */
  valueLabel: string;
  bars: readonly { label: string; value: number }[];
  formatValue: (value: number) => string;
  testId?: string;
}

/** The theme applied to the page (its `dark` class), so the chart is drawn again in the new colours. */
function subscribeToTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
const appliedTheme = () => (document.documentElement.classList.contains('dark') ? 'dark' : 'light');

function cssColour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export function BarChart({ label, valueLabel, bars, formatValue, testId }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useSyncExternalStore(subscribeToTheme, appliedTheme);

  useEffect(() => {
    if (!canvas.current) return;
    const [brand, muted, line] = ['--brand', '--fg-muted', '--line'].map(cssColour);
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: bars.map((bar) => bar.label), datasets: [{ label: valueLabel, data: bars.map((bar) => bar.value), backgroundColor: brand, borderRadius: 3 }] },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { beginAtZero: true, ticks: { color: muted, callback: (value) => formatValue(Number(value)) }, grid: { color: line } },
          y: { ticks: { color: muted }, grid: { display: false } },
        },
        plugins: { tooltip: { callbacks: { label: (item) => `${valueLabel}: ${formatValue(Number(item.raw))}` } } },
      },
    });
    return () => chart.destroy();
  }, [bars, valueLabel, formatValue, theme]);

  return (
    <figure data-testid={testId}>
      <div style={{ height: Math.max(120, bars.length * 28 + 40) }}>
        <canvas ref={canvas} role="img" aria-label={label} />
      </div>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{formatValue(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
