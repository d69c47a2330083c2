import {
  AREA_KIND_LABELS,
  AWARD_KIND_LABELS,
  AWARD_KINDS,
  GRADE_LABELS,
  GRADES,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  type UnitType,
} from '@antoan/core';
import { Badge, Card, Group, Loader, Progress, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Navigate } from '@tanstack/react-router';
import { useI18n } from '../i18n.js';
import { useScope, useScopeName } from '../lib/scope.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { QueryError } from '../components/QueryStates.js';

// The charts library is large: it loads after the figures are on screen.
const TrendCharts = lazy(() => import('./TrendCharts.js'));

type Summary = RouterOutputs['stats']['summary'];

/**
 * The area's figures. A unit reporter has no area (they see their unit only, never their commune's figures):
 * their home is their unit's page, with its files of every year.
 */
export function DashboardPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.data?.role === 'unit_reporter' && me.data.unitId !== null) {
    return <Navigate to="/units/$unitId" params={{ unitId: me.data.unitId }} replace />;
  }
  return <AreaDashboard />;
}

function AreaDashboard() {
  const trpc = useTRPC();
  const { t, l } = useI18n();
  const { areaId, year } = useScope();
  const areaName = useScopeName(areaId);
  const enabled = year !== undefined;
  const summary = useQuery({ ...trpc.stats.summary.queryOptions({ areaId, year: year ?? 2000 }), enabled });
  // The year before (for the comparison column) is asked once this year's figures are on screen.
  const previous = useQuery({
    ...trpc.stats.summary.queryOptions({ areaId, year: (year ?? 2001) - 1 }),
    enabled: enabled && summary.isSuccess,
  });

  if (!enabled || summary.isPending) {
    return (
      <Stack aria-busy="true">
        <Skeleton h={32} w="50%" />
        <Skeleton h={220} />
        <Loader size="sm" aria-label={t('loading')} />
      </Stack>
    );
  }
  if (summary.error) return <QueryError error={summary.error} onRetry={() => summary.refetch()} />;
  const data = summary.data;
  return (
    <Stack>
      <div>
        <Title order={2}>{t('dashboardTitle', { area: areaName, year: year })}</Title>
        <Text size="sm" c="dimmed">
          {t('catalogueUsed', { title: l(data.catalogue.title) })}
        </Text>
      </div>
      <RecognitionTable data={data} previous={previous.data} year={year} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <ModelsCard data={data} />
        <AwardsCard data={data} />
        <ReportsCard data={data} />
        <GradesCard data={data} />
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('trendTitle')}
        </Title>
        <Suspense fallback={<Skeleton h={260} />}>
          <TrendCharts areaId={areaId} />
        </Suspense>
      </Card>
    </Stack>
  );
}

function RecognitionTable({ data, previous, year }: { data: Summary; previous: Summary | undefined; year: number }) {
  const { t, l, formatNumber, formatDate, language } = useI18n();
  const types: UnitType[] = ['XA', 'KDC', 'CQ', 'DN', 'CSGD'].filter((x): x is UnitType =>
    (UNIT_TYPES as readonly string[]).includes(x),
  );
  const previousYear = year - 1;
  // one decimal, halves away from zero (93,75 % − 100 % is −6,3 points)
  const signed = (delta: number) => `${delta > 0 ? '+' : '-'}${formatNumber(Math.round(Math.abs(delta) * 10) / 10)}`;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('recognitionTable')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover aria-label={t('recognitionTable')} data-testid="recognition-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('unitType')}</Table.Th>
              <Table.Th ta="right">
                {t('recognised')}/{t('total')}
              </Table.Th>
              <Table.Th ta="right">{t('rate')}</Table.Th>
              <Table.Th ta="right">{t('excluded')}</Table.Th>
              <Table.Th ta="right">{t('yoy', { year: previousYear })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.map((type) => {
              const s = data.units.byType[type];
              const p = previous?.units.byType[type];
              const rate = s.recognitionRate;
              const delta = rate && p?.recognitionRate ? rate.percentage - p.recognitionRate.percentage : null;
              return (
                <Table.Tr key={type} data-type={type}>
                  <Table.Td>{l(UNIT_TYPE_LABELS[type])}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {rate ? rate.text : `0/${s.eligible}`}
                  </Table.Td>
                  <Table.Td ta="right">
                    {rate ? `${formatNumber(Math.round(rate.percentage * 10) / 10)}%` : '—'}
                  </Table.Td>
                  <Table.Td ta="right">{s.excluded}</Table.Td>
                  <Table.Td ta="right">
                    {p?.recognitionRate ? p.recognitionRate.text : '—'}
                    {delta !== null && delta !== 0 && (
                      <Badge
                        ml="xs"
                        size="sm"
                        color={delta > 0 ? 'teal' : 'red'}
                        variant="light"
                        tt="none"
                        title={t('rateChangeTitle', { value: signed(delta), year: previousYear })}
                      >
                        {t('rateChange', { value: signed(delta) })}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {previous?.composedOf && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="yoy-composed">
          {t('yoyComposedOf', {
            year: previousYear,
            areas: previous.composedOf
              .map(
                (a) =>
                  `${AREA_KIND_LABELS[a.kind][language]} ${a.name}${a.validTo ? ` (${t('beforeDate', { date: formatDate(a.validTo) })})` : ''}`,
              )
              .join(', '),
          })}
        </Text>
      )}
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm">{label}</Text>
      <Text fw={600}>{value}</Text>
    </Group>
  );
}

function ModelsCard({ data }: { data: Summary }) {
  const { t } = useI18n();
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('modelsTitle')}
      </Title>
      <Figure label={t('modelsOperating')} value={data.models.operating} />
      <Figure label={t('modelsNew')} value={data.models.newInYear} />
      <Figure label={t('modelsAdvanced')} value={data.models.advancedExamples} />
    </Card>
  );
}

function AwardsCard({ data }: { data: Summary }) {
  const { t, l } = useI18n();
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('awardsTitle')}
      </Title>
      <Figure label={t('total')} value={data.awards.total} />
      {AWARD_KINDS.map((kind) => (
        <Figure key={kind} label={l(AWARD_KIND_LABELS[kind])} value={data.awards.byKind[kind]} />
      ))}
      {data.awards.byIssuer.slice(0, 3).map((issuer) => (
        <Text key={issuer.issuer} size="xs" c="dimmed">
          {issuer.issuer}: {issuer.total}
        </Text>
      ))}
    </Card>
  );
}

function ReportsCard({ data }: { data: Summary }) {
  const { t, formatNumber } = useI18n();
  const r = data.reports;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('reportsTitle')}
      </Title>
      {r.expected === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noData')}
        </Text>
      ) : (
        <>
          <Figure
            label={`${r.submitted}/${r.expected}`}
            value={r.submissionRate ? `${formatNumber(Math.round(r.submissionRate.percentage * 10) / 10)}%` : '—'}
          />
          <Progress value={r.submissionRate?.percentage ?? 0} aria-label={t('reportsTitle')} my="xs" />
          {/* 0/48 beside a report filed early said nothing of why: the expected reports are the due quarters'. */}
          <Text size="xs" c="dimmed" data-testid="reports-due-only">
            {t('reportsDueOnly')}
          </Text>
          {r.missingCount > 0 && (
            <Text size="xs" c="red.8">
              {t('reportsMissing', { count: r.missingCount })}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}

function GradesCard({ data }: { data: Summary }) {
  const { t, l } = useI18n();
  const g = data.grades;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('gradesTitle')}
      </Title>
      {g.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noData')}
        </Text>
      ) : (
        GRADES.map((grade) => (
          <div key={grade}>
            <Figure label={l(GRADE_LABELS[grade])} value={g.all[grade]} />
            <Progress value={(g.all[grade] / g.total) * 100} size="xs" mb={4} aria-hidden />
          </div>
        ))
      )}
    </Card>
  );
}
