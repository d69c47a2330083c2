import {
  compareVietnamese,
  currentQuarter,
  foldForSearch,
  QUARTERLY_METRIC_LABELS,
  QUARTERLY_METRICS,
  quarterlyReportInputSchema,
  quarterPeriod,
  toVietnamDate,
  type Quarter,
  type QuarterlyMetric,
} from '@antoan/core';
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  Pagination,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { notifySuccess, notifyUnlessFieldErrors } from '../errors.js';
import { useI18n } from '../i18n.js';
import { AnchorLink } from '../lib/links.js';
import { useScope, useScopeName } from '../lib/scope.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { canUse, useRole } from './records/access.js';
import { EmptyText, LoadingBlock, QueryError } from '../components/QueryStates.js';
import { UnitSelect } from '../components/UnitSelect.js';
import { useUnits } from '../components/useUnits.js';
import { schemaErrors } from '../components/validate.js';
import { DraftNotice } from '../layout/FormParts.js';
import { SegmentedField } from '../components/SegmentedField.js';
import { RecordTable, type RecordColumn } from '../components/records/RecordTable.js';
import { useRecordForm } from '../components/records/useRecordForm.js';

type Report = RouterOutputs['reports']['list'][number];
const QUARTERS: Quarter[] = [1, 2, 3, 4];
const PAGE_SIZE = 50;

interface ReportValues {
  unitId: number | null;
  quarter: Quarter;
  counts: Record<QuarterlyMetric, number | string>;
  notes: string;
}

/**
 * A new report starts blank, not at 0: an untouched form must not file a report of zeros (it would count as
 * an on-time report and feed KDC-4). Every count is required, so a blank one is refused beside its field.
 */
const blankCounts = () =>
  Object.fromEntries(QUARTERLY_METRICS.map((m) => [m, ''])) as Record<QuarterlyMetric, number | string>;
const isUntouched = (counts: Record<QuarterlyMetric, number | string>) =>
  QUARTERLY_METRICS.every((m) => counts[m] === '');

/**
 * Due dates are those of the default reporting settings (the 20th of the quarter's last month): the
 * province's own settings are not served to the SPA.
 */
const isOnTime = (report: Report) =>
  toVietnamDate(report.submittedAt) <= quarterPeriod(report.year, report.quarter).dueDate;

/** Quarterly reports: the entry form (unit, quarter, counts, notes) and the area's reports of the year. */
export function ReportsPage() {
  const trpc = useTRPC();
  const { t } = useI18n();
  const { areaId, year } = useScope();
  const areaName = useScopeName(areaId);
  const canSubmit = canUse(useRole(), 'reports.submit');
  const me = useQuery(trpc.auth.me.queryOptions());
  const reports = useQuery({
    ...trpc.reports.list.queryOptions({ areaId, year: year ?? 2000 }),
    enabled: year !== undefined,
  });

  if (year === undefined || reports.isPending || !me.data) return <LoadingBlock />;
  if (reports.error) return <QueryError error={reports.error} onRetry={() => reports.refetch()} />;
  return (
    <Stack>
      <Title order={2}>{t('rec_reportsTitle', { area: areaName, year })}</Title>
      <ReportsBody
        key={year}
        areaId={areaId}
        year={year}
        reports={reports.data}
        canSubmit={canSubmit}
        // A unit reporter reports for one unit: it is chosen for them.
        ownUnitId={me.data.role === 'unit_reporter' ? me.data.unitId : null}
      />
    </Stack>
  );
}

type ReportForm = ReturnType<typeof useRecordForm<ReportValues>>;

function ReportsBody({
  areaId,
  year,
  reports,
  canSubmit,
  ownUnitId,
}: {
  areaId: number | undefined;
  year: number;
  reports: Report[];
  canSubmit: boolean;
  ownUnitId: number | null;
}) {
  const [defaultQuarter] = useState<Quarter>(() => {
    const now = currentQuarter(new Date());
    return now.year === year ? now.quarter : 1;
  });
  // The report just filed stays in the form (it does not jump back to the first quarter): filing again replaces it.
  const [justFiled, setJustFiled] = useState<{ unitId: number; quarter: Quarter } | null>(null);
  const base = useMemo<ReportValues>(() => {
    // A reporter's unit is chosen for them: its report of the quarter, when filed, is what the form shows.
    const unitId = justFiled?.unitId ?? ownUnitId;
    const quarter = justFiled?.quarter ?? defaultQuarter;
    const filed = unitId === null ? undefined : reports.find((r) => r.unitId === unitId && r.quarter === quarter);
    return {
      unitId,
      quarter,
      counts: filed ? { ...filed.counts } : blankCounts(),
      notes: filed?.notes ?? '',
    };
  }, [ownUnitId, defaultQuarter, reports, justFiled]);
  const form = useRecordForm<ReportValues>(`report.${year}`, base);
  const formRef = useRef<HTMLFormElement>(null);
  // A report picked in the table is loaded into the form (filing again replaces it).
  const open = (report: Report) => {
    form.draft.set({
      unitId: report.unitId,
      quarter: report.quarter as Quarter,
      counts: { ...report.counts },
      notes: report.notes ?? '',
    });
    requestAnimationFrame(() => {
      formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      formRef.current?.querySelector<HTMLInputElement>('input[data-metric]')?.focus();
    });
  };
  return (
    <>
      {canSubmit && (
        <ReportForm
          areaId={areaId}
          year={year}
          reports={reports}
          form={form}
          formRef={formRef}
          onFiled={setJustFiled}
        />
      )}
      <ReportsTable reports={reports} year={year} onOpen={canSubmit ? open : undefined} />
    </>
  );
}

function ReportForm({
  areaId,
  year,
  reports,
  form,
  formRef,
  onFiled,
}: {
  areaId: number | undefined;
  year: number;
  reports: Report[];
  form: ReportForm;
  formRef: RefObject<HTMLFormElement | null>;
  onFiled: (filed: { unitId: number; quarter: Quarter }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language, formatDate, formatDateTime } = useI18n();
  const { draft, values } = form;

  const existing = reports.find((r) => r.unitId === values.unitId && r.quarter === values.quarter);
  const period = quarterPeriod(year, values.quarter);

  const counts = Object.fromEntries(
    QUARTERLY_METRICS.map((m) => [m, typeof values.counts[m] === 'number' ? values.counts[m] : NaN]),
  ) as Record<QuarterlyMetric, number>;
  const input = {
    unitId: values.unitId ?? 0,
    year,
    quarter: values.quarter,
    counts,
    notes: values.notes.trim() || null,
  };
  const clientErrors: Record<string, string> = { ...schemaErrors(quarterlyReportInputSchema, input, language) };
  if (values.unitId === null) clientErrors.unitId = t('required');
  for (const m of QUARTERLY_METRICS)
    if (typeof values.counts[m] !== 'number') clientErrors[`counts.${m}`] = t('required');

  const submit = useMutation(
    trpc.reports.submit.mutationOptions({
      onSuccess: async (report) => {
        onFiled({ unitId: report.unitId, quarter: report.quarter as Quarter });
        form.saved();
        notifySuccess(t('rec_reportSubmitted'));
        // The counts feed KDC-4 (results), the statistics and the reminders.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.assessments.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() }),
        ]);
      },
      onError: (error) => notifyUnlessFieldErrors(error, language),
    }),
  );
  const errors = form.errors(clientErrors, submit.error);

  const onSubmit = (event: FormEvent) => {
    if (form.submit(event, clientErrors, () => submit.mutate(input))) return;
    // The first field in error (a blank count of an untouched form, say) gets the focus and comes into view.
    const metric = QUARTERLY_METRICS.find((m) => clientErrors[`counts.${m}`]);
    const target = clientErrors.unitId
      ? formRef.current?.querySelector<HTMLInputElement>('input') // the unit comes first
      : metric && formRef.current?.querySelector<HTMLInputElement>(`input[data-metric="${metric}"]`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  };
  /**
   * Picking a unit or a quarter whose report was filed loads it into a form not yet typed in (filing again
   * replaces it); what was typed is never overwritten.
   */
  const choose = (next: Partial<Pick<ReportValues, 'unitId' | 'quarter'>>) =>
    draft.set((v) => {
      const merged = { ...v, ...next };
      const filed = reports.find((r) => r.unitId === merged.unitId && r.quarter === merged.quarter);
      return filed && isUntouched(v.counts)
        ? { ...merged, counts: { ...filed.counts }, notes: filed.notes ?? '' }
        : merged;
    });
  const setCount = (metric: QuarterlyMetric, value: number | string) =>
    draft.set((v) => ({ ...v, counts: { ...v.counts, [metric]: value } }));

  return (
    <Card withBorder>
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="report-form-title">
        <Stack>
          <Title order={3} size="h4" id="report-form-title">
            {t('rec_reportFormTitle', { year })}
          </Title>
          <DraftNotice draft={draft} />
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <UnitSelect
                label={t('unit')}
                required
                value={values.unitId}
                areaId={areaId}
                onChange={(unit) => choose({ unitId: unit?.id ?? null })}
                error={errors.unitId}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <SegmentedField
                id="report-quarter-label"
                label={t('rec_quarter')}
                value={String(values.quarter)}
                onChange={(q) => choose({ quarter: Number(q) as Quarter })}
                data={QUARTERS.map((q) => ({ value: String(q), label: t('rec_quarterN', { quarter: q }) }))}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {t('rec_quarterPeriod', {
                  from: formatDate(period.from),
                  to: formatDate(period.to),
                  due: formatDate(period.dueDate),
                })}
              </Text>
            </Grid.Col>
          </Grid>
          {existing && (
            <Alert color="yellow" role="status" data-testid="report-exists">
              <Group justify="space-between">
                <Text size="sm">{t('rec_reportExists', { date: formatDateTime(existing.submittedAt) })}</Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    draft.set((v) => ({ ...v, counts: { ...existing.counts }, notes: existing.notes ?? '' }))
                  }
                >
                  {t('rec_loadSubmitted')}
                </Button>
              </Group>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {QUARTERLY_METRICS.map((m) => (
              <NumberInput
                key={m}
                label={l(QUARTERLY_METRIC_LABELS[m])}
                required
                min={0}
                max={10_000_000}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={language === 'vi' ? '.' : ','}
                decimalSeparator={language === 'vi' ? ',' : '.'}
                value={values.counts[m]}
                onChange={(v) => setCount(m, v)}
                error={errors[`counts.${m}`]}
                data-metric={m}
              />
            ))}
          </SimpleGrid>
          <Textarea
            label={t('note')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={5000}
            value={values.notes}
            onChange={(e) => {
              const notes = e.currentTarget.value;
              draft.set((v) => ({ ...v, notes }));
            }}
            error={errors.notes}
          />
          <Group>
            <Button type="submit" loading={submit.isPending}>
              {existing ? t('rec_resubmitReport') : t('rec_submitReport')}
            </Button>
            {draft.dirty && (
              <Button variant="subtle" onClick={draft.clear}>
                {t('rec_clearForm')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ReportsTable({
  reports,
  year,
  onOpen,
}: {
  reports: Report[];
  year: number;
  onOpen: ((report: Report) => void) | undefined;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const { units, isPending } = useUnits(useMemo(() => reports.map((r) => r.unitId), [reports]));
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);

  const byUnit = useMemo(() => {
    const map = new Map<number, (Report | undefined)[]>();
    for (const r of reports) {
      const row = map.get(r.unitId) ?? [undefined, undefined, undefined, undefined];
      row[r.quarter - 1] = r;
      map.set(r.unitId, row);
    }
    return map;
  }, [reports]);
  const rows = useMemo(() => {
    const folded = foldForSearch(search);
    return [...byUnit.keys()]
      .filter(
        (id) => !folded || foldForSearch(`${units.get(id)?.name ?? ''} ${units.get(id)?.code ?? ''}`).includes(folded),
      )
      .sort((a, b) => compareVietnamese(units.get(a)?.name ?? '\uffff', units.get(b)?.name ?? '\uffff') || a - b);
  }, [byUnit, units, search]);
  const late = reports.filter((r) => !isOnTime(r)).length;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = rows.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);
  const columns: RecordColumn<number>[] = [
    {
      header: t('unit'),
      cell: (unitId) => {
        const unit = units.get(unitId);
        return unit ? (
          <AnchorLink to="/units/$unitId" params={{ unitId }} size="sm">
            {unit.name}
          </AnchorLink>
        ) : (
          `#${unitId}`
        );
      },
    },
    ...QUARTERS.map((q): RecordColumn<number> => ({
      header: (
        <>
          {t('rec_quarterN', { quarter: q })}
          <Text size="xs" c="dimmed" fw={400}>
            {t('rec_dueOn', { date: formatDate(quarterPeriod(year, q).dueDate) })}
          </Text>
        </>
      ),
      cell: (unitId) => {
        const report = byUnit.get(unitId)?.[q - 1];
        return report ? (
          <ReportCell report={report} unitName={units.get(unitId)?.name ?? ''} onOpen={onOpen} />
        ) : (
          <Text c="dimmed">—</Text>
        );
      },
    })),
  ];

  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('rec_reportsOfYear', { year })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" data-testid="reports-summary">
        {t('rec_reportsSummary', {
          count: formatNumber(reports.length),
          units: formatNumber(byUnit.size),
          onTime: formatNumber(reports.length - late),
          late: formatNumber(late),
        })}
      </Text>
      {reports.length === 0 ? (
        <EmptyText>{t('rec_noReports', { year })}</EmptyText>
      ) : (
        <>
          <Group align="flex-end" mb="sm">
            <TextInput
              label={t('searchUnits')}
              type="search"
              value={search}
              maxLength={200}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(1);
              }}
              w={320}
              maw="100%"
            />
            {isPending && <Text size="sm">{t('loading')}</Text>}
          </Group>
          {rows.length === 0 ? (
            <EmptyText>{t('rec_noMatch')}</EmptyText>
          ) : (
            <RecordTable
              label={t('rec_reportsOfYear', { year })}
              testId="reports-table"
              minWidth={760}
              rows={shown}
              rowKey={(unitId) => unitId}
              columns={columns}
            />
          )}
          {pages > 1 && (
            <Pagination
              mt="sm"
              total={pages}
              value={Math.min(page, pages)}
              onChange={setPage}
              aria-label={t('rec_pages')}
              getControlProps={(control) => ({
                'aria-label': t(control === 'previous' || control === 'first' ? 'prevPage' : 'nextPage'),
              })}
              getItemProps={(n) => ({ 'aria-label': t('pageN', { page: n }) })}
            />
          )}
        </>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('rec_dueDateNote')}
      </Text>
    </Card>
  );
}

function ReportCell({
  report,
  unitName,
  onOpen,
}: {
  report: Report;
  unitName: string;
  onOpen: ((report: Report) => void) | undefined;
}) {
  const { t, formatDate, formatDateTime } = useI18n();
  const onTime = isOnTime(report);
  const content = (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{formatDate(report.submittedAt)}</Text>
      <Badge size="xs" variant="light" color={onTime ? 'teal' : 'orange'}>
        {onTime ? t('rec_onTime') : t('rec_late')}
      </Badge>
    </Group>
  );
  const title = t('rec_submittedAt', { date: formatDateTime(report.submittedAt) });
  return onOpen ? (
    <UnstyledButton
      onClick={() => onOpen(report)}
      title={title}
      aria-label={t('rec_openReport', { quarter: report.quarter, unit: unitName })}
    >
      {content}
    </UnstyledButton>
  ) : (
    <span title={title}>{content}</span>
  );
}
