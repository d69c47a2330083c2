import '@mantine/charts/styles.css';
import { UNIT_TYPE_LABELS, type UnitType } from '@antoan/core';
import { LineChart } from '@mantine/charts';
import { Alert, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { errorText } from '../errors.js';
import { useI18n } from '../i18n.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';

type Point = RouterOutputs['snapshots']['trend'][number];

const SERIES: { type: UnitType; color: string }[] = [
  { type: 'XA', color: 'red.7' },
  { type: 'KDC', color: 'blue.6' },
  { type: 'CQ', color: 'teal.6' },
  { type: 'DN', color: 'orange.6' },
  { type: 'CSGD', color: 'grape.6' },
];

const point = (label: string, s: Point) => ({
  period: label,
  ...Object.fromEntries(SERIES.map(({ type }) => [type, s.units.byType[type].recognitionRate?.percentage ?? null])),
});

/**
 * Recognition rates per unit type from the worker's frozen snapshots: by year (Q4) and by quarter. An area made
 * by a reorganisation goes on from its predecessors' figures taken together, and says so under the charts.
 */
export default function TrendCharts({ areaId }: { areaId: number | undefined }) {
  const trpc = useTRPC();
  const { t, l, language, formatDate } = useI18n();
  const snapshots = useQuery(trpc.snapshots.trend.queryOptions({ areaId }));
  if (snapshots.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  if (snapshots.error) return <Alert color="red">{errorText(snapshots.error, language)}</Alert>;
  const quarters = snapshots.data
    .filter((s) => /^\d{4}-Q[1-4]$/.test(s.periodKey))
    .sort((a, b) => a.periodKey.localeCompare(b.periodKey));
  if (quarters.length === 0) return <Text c="dimmed">{t('noSnapshots')}</Text>;
  const byYear = new Map<number, Point>();
  for (const s of quarters) byYear.set(s.year, s); // the latest quarter of each year
  // the last quarter made of the predecessors' figures: whose they are, and until when
  const composed = quarters.findLast((s) => s.composedOf !== null);
  const series = SERIES.map(({ type, color }) => ({ name: type, label: l(UNIT_TYPE_LABELS[type]), color }));
  const common = {
    h: 260,
    dataKey: 'period',
    series,
    unit: '%',
    yAxisProps: { domain: [0, 100] },
    withLegend: true,
    connectNulls: true,
    valueFormatter: (v: number) => `${Math.round(v * 10) / 10}`,
  } as const;
  return (
    <Tabs defaultValue="year">
      <Tabs.List>
        <Tabs.Tab value="year">{t('byYear')}</Tabs.Tab>
        <Tabs.Tab value="quarter">{t('byQuarter')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="year" pt="sm" data-testid="trend-by-year">
        <LineChart {...common} data={[...byYear.entries()].map(([year, s]) => point(String(year), s))} />
      </Tabs.Panel>
      <Tabs.Panel value="quarter" pt="sm" data-testid="trend-by-quarter">
        <LineChart {...common} data={quarters.map((s) => point(s.periodKey.replace('-', ' '), s))} />
      </Tabs.Panel>
      {composed?.composedOf && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="trend-composed">
          {t('trendComposedOf', {
            date: formatDate(composed.composedOf[0]?.until ?? ''),
            areas: composed.composedOf.map((a) => a.name).join(', '),
          })}
        </Text>
      )}
    </Tabs>
  );
}
