import {
  BUILTIN_CATALOGUES,
  compareVietnamese,
  criteriaForType,
  evaluationWindow,
  findCatalogue,
  findCatalogueForYear,
  findCriterion,
  foldForSearch,
  INCIDENT_EXCEPTION_LABELS,
  incidentInputSchema,
  incidentTargets,
  UNIT_TYPE_LABELS,
  windowYearOf,
  yearEvaluationSpan,
  type Catalogue,
  type Criterion,
  type IncidentException,
  type UnitType,
} from '@antoan/core';
import { Alert, Badge, Button, Grid, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { notifyError, notifySuccess, notifyUnlessFieldErrors } from '../errors.js';
import { useI18n } from '../i18n.js';
import { AnchorLink } from '../lib/links.js';
import { useScope, useScopeName } from '../lib/scope.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { canUse, useRole } from './records/access.js';
import { DateField } from '../components/DateField.js';
import { EmptyText, LoadingBlock, QueryError } from '../components/QueryStates.js';
import { UnitSelect, type UnitRow } from '../components/UnitSelect.js';
import { useUnits } from '../components/useUnits.js';
import { schemaErrors } from '../components/validate.js';
import { RecordForm } from '../components/records/RecordForm.js';
import { RecordHeader, RecordSearch } from '../components/records/RecordHeader.js';
import { RecordDeleteModal, RecordModal } from '../components/records/RecordModal.js';
import { RecordTable, type RecordColumn } from '../components/records/RecordTable.js';
import { useInvalidate, useRecordForm } from '../components/records/useRecordForm.js';

type Incident = RouterOutputs['incidents']['list'][number];

/** The text of a criterion's item (or of the criterion) as the catalogue of the year words it. */
function criterionLabel(
  code: string,
  item: string | null,
  year: number,
  l: (text: { vi: string; en: string }) => string,
): string {
  const catalogues = [findCatalogueForYear(year), ...BUILTIN_CATALOGUES].filter((c): c is Catalogue => c !== undefined);
  for (const catalogue of catalogues) {
    const criterion = findCriterion(catalogue, code);
    if (!criterion) continue;
    if (item !== null) {
      const found = incidentTargets(criterion)?.find((i) => i.letter === item);
      if (found) return l(found.text);
    }
    if (item === null) return l(criterion.title);
  }
  return '';
}

/**
 * The incidents of the area in scope over the evaluation windows of the year (16/11 of the year before to
 * 15/11; 01/11 to 31/10 for residential areas), and a form to record one against a disqualifying
 * criterion of the unit's catalogue.
 */
export function IncidentsPage() {
  const trpc = useTRPC();
  const invalidateAfterIncident = useInvalidateAfterIncident();
  const { t, l, language, formatDate } = useI18n();
  const { areaId, year } = useScope();
  const areaName = useScopeName(areaId);
  const canEdit = canUse(useRole(), 'incidents.write');
  const span = year === undefined ? undefined : yearEvaluationSpan(year);
  const incidents = useQuery({
    ...trpc.incidents.list.queryOptions({ areaId, from: span?.from ?? '2000-01-01', to: span?.to ?? '2000-01-01' }),
    enabled: span !== undefined,
  });
  const { units } = useUnits(useMemo(() => (incidents.data ?? []).map((i) => i.unitId), [incidents.data]));
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Incident | null>(null);
  const remove = useMutation(
    trpc.incidents.delete.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t('rec_incidentDeleted'));
        setDeleting(null);
        await invalidateAfterIncident();
      },
      onError: (error) => notifyError(error, language),
    }),
  );

  // Each unit type has its own window: keep the incidents that count toward the year in scope.
  const inYear = useMemo(
    () =>
      (incidents.data ?? []).filter((i) => {
        const unit = units.get(i.unitId);
        return year === undefined || !unit || windowYearOf(unit.type, i.occurredOn) === year;
      }),
    [incidents.data, units, year],
  );
  const rows = useMemo(() => {
    const folded = foldForSearch(search);
    if (!folded) return inYear;
    return inYear.filter((i) =>
      foldForSearch(`${units.get(i.unitId)?.name ?? ''} ${i.criterionCode} ${i.description}`).includes(folded),
    );
  }, [inYear, search, units]);

  if (year === undefined || span === undefined || incidents.isPending) return <LoadingBlock />;
  if (incidents.error) return <QueryError error={incidents.error} onRetry={() => incidents.refetch()} />;

  const columns: RecordColumn<Incident>[] = [
    { header: t('occurredOn'), cell: (i) => formatDate(i.occurredOn) },
    {
      header: t('unit'),
      cell: (i) => {
        const unit = units.get(i.unitId);
        return unit ? (
          <>
            <AnchorLink to="/units/$unitId" params={{ unitId: unit.id }} size="sm">
              {unit.name}
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {l(UNIT_TYPE_LABELS[unit.type])}
            </Text>
          </>
        ) : (
          '…'
        );
      },
    },
    {
      header: t('criterion'),
      cell: (i) => (
        <>
          <Badge variant="light" color="red" ff="monospace" tt="none">
            {i.criterionCode}
            {i.item ? ` ${i.item}` : ''}
          </Badge>
          <Text size="xs">{criterionLabel(i.criterionCode, i.item, year, l)}</Text>
          {i.exception && (
            <Text size="xs" c="teal.8">
              {t('notCounted')}: {l(INCIDENT_EXCEPTION_LABELS[i.exception])}
            </Text>
          )}
        </>
      ),
    },
    {
      header: t('description'),
      cell: (i) => (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {i.description}
        </Text>
      ),
    },
  ];
  const actions = (i: Incident) => {
    const unit = units.get(i.unitId);
    return (
      <>
        {unit && <ExceptionSelect incident={i} unitType={unit.type} />}
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() => setDeleting(i)}
          aria-label={`${t('delete')}: ${unit?.name ?? ''} ${formatDate(i.occurredOn)}`}
        >
          {t('delete')}
        </Button>
      </>
    );
  };

  return (
    <Stack>
      <RecordHeader
        title={t('rec_incidentsTitle', { area: areaName, year })}
        summary={t('rec_incidentsWindows', {
          year,
          xaFrom: formatDate(evaluationWindow('XA', year).from),
          xaTo: formatDate(evaluationWindow('XA', year).to),
          kdcFrom: formatDate(evaluationWindow('KDC', year).from),
          kdcTo: formatDate(evaluationWindow('KDC', year).to),
        })}
        action={canEdit ? { label: t('recordIncident'), onClick: () => setCreating(true) } : undefined}
      />
      {inYear.length > 0 && (
        <RecordSearch
          label={t('rec_searchIncidents')}
          value={search}
          onChange={setSearch}
          shown={rows.length}
          total={inYear.length}
        />
      )}
      {rows.length === 0 ? (
        <EmptyText>{inYear.length === 0 ? t('rec_noIncidentsYear', { year }) : t('rec_noMatch')}</EmptyText>
      ) : (
        <RecordTable
          label={t('nav_incidents')}
          testId="incidents-table"
          minWidth={820}
          rows={rows}
          rowKey={(i) => i.id}
          columns={columns}
          actions={canEdit ? actions : undefined}
        />
      )}
      <RecordModal opened={creating} onClose={() => setCreating(false)} title={t('recordIncident')}>
        <IncidentForm areaId={areaId} year={year} onDone={() => setCreating(false)} />
      </RecordModal>
      <RecordDeleteModal
        target={deleting}
        title={t('rec_deleteIncidentTitle')}
        message={(incident) =>
          t('rec_deleteIncidentMessage', {
            unit: units.get(incident.unitId)?.name ?? '',
            date: formatDate(incident.occurredOn),
            code: incident.criterionCode,
          })
        }
        loading={remove.isPending}
        onConfirm={(incident) => remove.mutate({ incidentId: incident.id })}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

/**
 * The exception of a recorded incident, decided after the fact (promptly detected, handled and reported, or
 * force majeure), where its item admits one; the server records who decided it.
 */
function ExceptionSelect({ incident, unitType }: { incident: Incident; unitType: UnitType }) {
  const trpc = useTRPC();
  const invalidateAfterIncident = useInvalidateAfterIncident();
  const { t, l, language } = useI18n();
  const set = useMutation(
    trpc.incidents.setException.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t('saved'));
        await invalidateAfterIncident();
      },
      onError: (error) => notifyError(error, language),
    }),
  );
  const catalogue = findCatalogueForYear(windowYearOf(unitType, incident.occurredOn));
  const criterion = catalogue ? findCriterion(catalogue, incident.criterionCode) : undefined;
  const admitted = (criterion && incidentTargets(criterion)?.find((x) => x.letter === incident.item)?.exceptions) ?? [];
  if (admitted.length === 0) return null;
  return (
    <Select
      size="xs"
      w={220}
      mb={4}
      aria-label={t('exception')}
      placeholder={t('exception')}
      clearable
      data={admitted.map((e) => ({ value: e, label: l(INCIDENT_EXCEPTION_LABELS[e]) }))}
      value={incident.exception}
      disabled={set.isPending}
      onChange={(v) => set.mutate({ incidentId: incident.id, exception: v ?? null })}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** An incident changes the unit's result (a disqualifying criterion), its grading deductions and the statistics. */
function useInvalidateAfterIncident() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return () =>
    invalidate(trpc.incidents.pathKey(), trpc.assessments.pathKey(), trpc.grading.pathKey(), trpc.stats.pathKey());
}

interface IncidentValues {
  unitId: number | null;
  occurredOn: string | null;
  criterionCode: string | null;
  item: string | null;
  exception?: IncidentException | null;
  description: string;
}

const EMPTY: IncidentValues = {
  unitId: null,
  occurredOn: null,
  criterionCode: null,
  item: null,
  exception: null,
  description: '',
};

function IncidentForm({ areaId, year, onDone }: { areaId: number | undefined; year: number; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidateAfterIncident = useInvalidateAfterIncident();
  const { t, l, language, formatDate } = useI18n();
  const form = useRecordForm<IncidentValues>(`incident.new`, EMPTY);
  const { draft, values, set } = form;
  const [unit, setUnit] = useState<UnitRow | null>(null);
  // The restored draft names a unit by id: read it for its type.
  const restoredUnit = useQuery({
    ...trpc.units.get.queryOptions({ unitId: values.unitId ?? 0 }),
    enabled: values.unitId !== null && unit === null,
  });
  const chosen: { id: number; type: UnitType; name: string } | null = unit ?? restoredUnit.data ?? null;

  // The year the incident counts toward (its window for the unit's type), and the catalogue the server checks
  // it with: the one of the unit's file that year, else the one in force.
  const windowYear = chosen && values.occurredOn ? windowYearOf(chosen.type, values.occurredOn) : undefined;
  const file = useQuery({
    ...trpc.assessments.get.queryOptions({ unitId: chosen?.id ?? 0, year: windowYear ?? 2000 }),
    enabled: chosen !== null && windowYear !== undefined,
    staleTime: 60_000,
  });
  const catalogue: Catalogue | undefined =
    windowYear === undefined
      ? undefined
      : file.data
        ? ((file.data.record ? findCatalogue(file.data.record.catalogueId) : undefined) ??
          findCatalogueForYear(windowYear))
        : file.error
          ? findCatalogueForYear(windowYear)
          : undefined;
  // criteria incidents count against: disqualifying lists, and the parts of KDC-4 / XA-3 that read incidents
  const criteria: Criterion[] =
    catalogue && chosen ? criteriaForType(catalogue, chosen.type).filter((c) => incidentTargets(c) !== undefined) : [];
  const criterion = criteria.find((c) => c.code === values.criterionCode);
  const targets = (criterion && incidentTargets(criterion)) ?? [];
  const admitted = targets.find((i) => i.letter === values.item)?.exceptions ?? [];

  const input = {
    unitId: values.unitId ?? 0,
    occurredOn: values.occurredOn ?? '',
    criterionCode: values.criterionCode ?? '',
    item: values.item,
    description: values.description.trim(),
    exception: values.exception && admitted.includes(values.exception) ? values.exception : null,
  };
  const clientErrors: Record<string, string> = { ...schemaErrors(incidentInputSchema, input, language) };
  if (values.unitId === null) clientErrors.unitId = t('required');
  if (values.occurredOn === null) clientErrors.occurredOn = t('required');
  if (!criterion) clientErrors.criterionCode = t('required');
  if (criterion && targets.length > 0 && !targets.some((i) => i.letter === values.item))
    clientErrors.item = t('required');
  if (!input.description) clientErrors.description = t('required');

  const create = useMutation(
    trpc.incidents.create.mutationOptions({
      onSuccess: async () => {
        form.saved();
        notifySuccess(t('rec_incidentCreated'));
        onDone();
        await invalidateAfterIncident();
      },
      onError: (error) => notifyUnlessFieldErrors(error, language),
    }),
  );
  const errors = form.errors(clientErrors, create.error);
  const submit = (event: FormEvent) => form.submit(event, clientErrors, () => create.mutate(input));

  const criterionOptions = [...criteria]
    .sort((a, b) => compareVietnamese(a.code, b.code))
    .map((c) => ({ value: c.code, label: `${c.code} — ${l(c.title)}` }));

  return (
    <RecordForm label={t('recordIncident')} draft={draft} onSubmit={submit} onDone={onDone} saving={create.isPending}>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <UnitSelect
            label={t('unit')}
            required
            autoFocus
            value={values.unitId}
            areaId={areaId}
            onChange={(next) => {
              setUnit(next);
              draft.set((v) => ({ ...v, unitId: next?.id ?? null, criterionCode: null, item: null }));
            }}
            error={errors.unitId}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <DateField
            label={t('occurredOn')}
            required
            value={values.occurredOn}
            onChange={(v) => set('occurredOn', v)}
            error={errors.occurredOn}
          />
        </Grid.Col>
      </Grid>
      {chosen && windowYear !== undefined && (
        <Text size="sm" c={windowYear === year ? 'dimmed' : 'orange.8'} data-testid="incident-window">
          {t('rec_countsToward', {
            year: windowYear,
            from: formatDate(evaluationWindow(chosen.type, windowYear).from),
            to: formatDate(evaluationWindow(chosen.type, windowYear).to),
          })}
          {catalogue ? ` ${t('catalogueUsed', { title: l(catalogue.title) })}` : ''}
        </Text>
      )}
      {chosen && windowYear !== undefined && catalogue && criteria.length === 0 && (
        <Alert color="yellow" role="status">
          {t('rec_noDisqualifying', { type: l(UNIT_TYPE_LABELS[chosen.type]) })}
        </Alert>
      )}
      <Select
        label={t('rec_disqualifyingCriterion')}
        description={chosen && windowYear !== undefined ? undefined : t('rec_chooseUnitAndDateFirst')}
        required
        disabled={criteria.length === 0}
        value={criterion ? criterion.code : null}
        onChange={(code) => draft.set((v) => ({ ...v, criterionCode: code, item: null }))}
        data={criterionOptions}
        error={errors.criterionCode}
        comboboxProps={{ withinPortal: true }}
      />
      {criterion && (
        <>
          <Text size="xs" c="dimmed">
            {l(criterion.explanation)}
          </Text>
          {targets.length > 0 && (
            <Select
              label={t('rec_disqualifyingItem')}
              required
              value={values.item}
              onChange={(letter) => draft.set((v) => ({ ...v, item: letter, exception: null }))}
              data={targets.map((i) => ({ value: i.letter, label: `${i.letter}) ${l(i.text)}` }))}
              error={errors.item}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {admitted.length > 0 && (
            <Select
              label={t('exception')}
              clearable
              value={values.exception ?? null}
              onChange={(v) => set('exception', v)}
              data={admitted.map((e) => ({ value: e, label: l(INCIDENT_EXCEPTION_LABELS[e]) }))}
              error={errors.exception}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </>
      )}
      <Textarea
        label={t('description')}
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        value={values.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description}
      />
    </RecordForm>
  );
}
