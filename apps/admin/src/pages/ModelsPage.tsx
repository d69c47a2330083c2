import { compareVietnamese, foldForSearch, isModelOperating, MODEL_CATEGORIES, modelInputSchema } from '@antoan/core';
import {
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { fieldErrorsOf, notifyError, notifySuccess } from '../errors.js';
import { useI18n } from '../i18n.js';
import { AnchorLink } from '../lib/links.js';
import { useScope, useScopeName } from '../lib/scope.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { canUse, useRole } from './records/access.js';
import { AreaSelect, useAreaOptions } from '../components/AreaSelect.js';
import { DateField } from '../components/DateField.js';
import { AreaPageOnly, EmptyText, LoadingBlock, QueryError } from '../components/QueryStates.js';
import { UnitSelect } from '../components/UnitSelect.js';
import { useUnits } from '../components/useUnits.js';
import { schemaErrors } from '../components/validate.js';
import { RecordForm } from '../components/records/RecordForm.js';
import { RecordHeader, RecordSearch } from '../components/records/RecordHeader.js';
import { RecordDeleteModal, RecordModal } from '../components/records/RecordModal.js';
import { RecordTable, type RecordColumn } from '../components/records/RecordTable.js';
import { useInvalidate, useRecordForm } from '../components/records/useRecordForm.js';

type Model = RouterOutputs['models']['list'][number];

/** Did the model operate at some time in the year (started by its end, not stopped before its start)? */
const operatedIn = (m: Model, year: number) =>
  m.startedOn <= `${year}-12-31` && (m.stoppedOn === null || m.stoppedOn > `${year}-01-01`);

/** The movement models of the area in scope: a searchable table, and forms to add or correct one. */
export function ModelsPage() {
  return (
    <AreaPageOnly>
      <ModelsPageContent />
    </AreaPageOnly>
  );
}

function ModelsPageContent() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const { t, language, formatDate, formatNumber } = useI18n();
  const { areaId, year } = useScope();
  const areaName = useScopeName(areaId);
  const canEdit = canUse(useRole(), 'models.write');
  const models = useQuery(trpc.models.list.queryOptions({ areaId }));
  const [search, setSearch] = useState('');
  const [onlyYear, setOnlyYear] = useState(true);
  const [editing, setEditing] = useState<Model | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Model | null>(null);
  const remove = useMutation(
    trpc.models.delete.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t('rec_modelDeleted'));
        setDeleting(null);
        await invalidate(trpc.models.pathKey(), trpc.stats.pathKey());
      },
      onError: (error) => notifyError(error, language),
    }),
  );
  const { units } = useUnits(
    useMemo(() => (models.data ?? []).flatMap((m) => (m.hostUnitId === null ? [] : [m.hostUnitId])), [models.data]),
  );
  const { byId: areas } = useAreaOptions();

  const inYear = useMemo(
    () => (models.data ?? []).filter((m) => year === undefined || !onlyYear || operatedIn(m, year)),
    [models.data, onlyYear, year],
  );
  const rows = useMemo(() => {
    const folded = foldForSearch(search);
    return inYear
      .filter((m) => {
        if (!folded) return true;
        const host = m.hostUnitId === null ? '' : (units.get(m.hostUnitId)?.name ?? '');
        return foldForSearch(`${m.name} ${m.category} ${host} ${areas.get(m.areaId)?.name ?? ''}`).includes(folded);
      })
      .sort((a, b) => compareVietnamese(a.name, b.name));
  }, [inYear, search, units, areas]);
  const categories = useMemo(
    () => [...new Set((models.data ?? []).map((m) => m.category))].sort(compareVietnamese),
    [models.data],
  );

  if (year === undefined || models.isPending) return <LoadingBlock />;
  if (models.error) return <QueryError error={models.error} onRetry={() => models.refetch()} />;

  const endOfYear = `${year}-12-31`;
  const operating = models.data.filter((m) => isModelOperating(m, endOfYear));
  const summary = {
    operating: operating.length,
    newInYear: models.data.filter((m) => m.startedOn.startsWith(`${year}-`)).length,
    sites: operating.reduce((s, m) => s + m.sites, 0),
    teams: operating.reduce((s, m) => s + m.teams, 0),
  };

  const columns: RecordColumn<Model>[] = [
    {
      header: t('name'),
      cell: (m) => (
        <>
          <Text size="sm" fw={500}>
            {m.name}
          </Text>
          {m.startedOn.startsWith(`${year}-`) && (
            <Badge size="xs" variant="light" color="teal">
              {t('rec_newInYear', { year })}
            </Badge>
          )}
        </>
      ),
    },
    { header: t('rec_category'), cell: (m) => m.category },
    {
      header: t('rec_host'),
      cell: (m) => {
        const host = m.hostUnitId === null ? undefined : units.get(m.hostUnitId);
        return (
          <>
            {host ? (
              <AnchorLink to="/units/$unitId" params={{ unitId: host.id }} size="sm">
                {host.name}
              </AnchorLink>
            ) : m.hostUnitId !== null ? (
              '…'
            ) : null}
            <Text size="xs" c="dimmed">
              {areas.get(m.areaId)?.name ?? ''}
            </Text>
          </>
        );
      },
    },
    { header: t('rec_startedOn'), cell: (m) => formatDate(m.startedOn) },
    { header: t('rec_stoppedOn'), cell: (m) => (m.stoppedOn ? formatDate(m.stoppedOn) : '—') },
    { header: t('rec_sites'), cell: (m) => formatNumber(m.sites), th: { ta: 'right' }, td: { ta: 'right' } },
    { header: t('rec_teams'), cell: (m) => formatNumber(m.teams), th: { ta: 'right' }, td: { ta: 'right' } },
    {
      header: t('rec_advancedExample'),
      cell: (m) =>
        m.isAdvancedExample ? (
          <Badge variant="light" color="teal">
            {t('yes')}
          </Badge>
        ) : (
          ''
        ),
    },
  ];

  return (
    <Stack>
      <RecordHeader
        title={t('rec_modelsTitle', { area: areaName, year })}
        summaryTestId="models-summary"
        summary={t('rec_modelsSummary', {
          operating: formatNumber(summary.operating),
          year,
          newInYear: formatNumber(summary.newInYear),
          sites: formatNumber(summary.sites),
          teams: formatNumber(summary.teams),
        })}
        action={canEdit ? { label: t('rec_addModel'), onClick: () => setEditing('new') } : undefined}
      />
      <RecordSearch
        label={t('rec_searchModels')}
        value={search}
        onChange={setSearch}
        shown={rows.length}
        total={inYear.length}
      >
        <Switch
          label={t('rec_onlyOperatingIn', { year })}
          checked={onlyYear}
          onChange={(e) => setOnlyYear(e.currentTarget.checked)}
          mb={8}
        />
      </RecordSearch>
      {rows.length === 0 ? (
        <EmptyText>{inYear.length === 0 ? t('rec_noModels') : t('rec_noMatch')}</EmptyText>
      ) : (
        <RecordTable
          label={t('nav_models')}
          testId="models-table"
          minWidth={900}
          rows={rows}
          rowKey={(m) => m.id}
          columns={columns}
          actions={
            canEdit
              ? (m) => (
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing(m)}
                      aria-label={`${t('edit')}: ${m.name}`}
                    >
                      {t('edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setDeleting(m)}
                      aria-label={`${t('delete')}: ${m.name}`}
                    >
                      {t('delete')}
                    </Button>
                  </Group>
                )
              : undefined
          }
        />
      )}
      <RecordModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('rec_addModel') : t('rec_editModel')}
      >
        {editing !== null && (
          <ModelForm
            key={editing === 'new' ? 'new' : editing.id}
            model={editing === 'new' ? null : editing}
            defaultAreaId={areaId}
            categories={categories}
            onDone={() => setEditing(null)}
          />
        )}
      </RecordModal>
      <RecordDeleteModal
        target={deleting}
        title={t('rec_deleteModelTitle')}
        message={(model) => t('rec_deleteModelMessage', { name: model.name })}
        loading={remove.isPending}
        onConfirm={(model) => remove.mutate({ modelId: model.id })}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

/** The value of the type list's "Khác" entry (never stored: the typed type is). */
const OTHER = '\u0000other';

interface ModelValues {
  name: string;
  category: string;
  areaId: number | null;
  hostUnitId: number | null;
  startedOn: string | null;
  stoppedOn: string | null;
  sites: number | string;
  teams: number | string;
  isAdvancedExample: boolean;
}

function ModelForm({
  model,
  defaultAreaId,
  categories,
  onDone,
}: {
  model: Model | null;
  defaultAreaId: number | undefined;
  categories: string[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const { t, language } = useI18n();
  const base = useMemo<ModelValues>(
    () =>
      model
        ? {
            name: model.name,
            category: model.category,
            areaId: model.areaId,
            hostUnitId: model.hostUnitId,
            startedOn: model.startedOn,
            stoppedOn: model.stoppedOn,
            sites: model.sites,
            teams: model.teams,
            isAdvancedExample: model.isAdvancedExample,
          }
        : {
            name: '',
            category: '',
            areaId: defaultAreaId ?? null,
            hostUnitId: null,
            startedOn: null,
            stoppedOn: null,
            sites: 1,
            teams: 0,
            isAdvancedExample: false,
          },
    [model, defaultAreaId],
  );
  const form = useRecordForm<ModelValues>(model ? `model.${model.id}` : 'model.new', base);
  const { draft, values, set } = form;
  // The usual types, and those the area already uses (a province may name its own); anything else is "Khác".
  const categoryOptions = useMemo(() => [...new Set<string>([...MODEL_CATEGORIES, ...categories])], [categories]);
  const [otherCategory, setOtherCategory] = useState(
    () => values.category !== '' && !categoryOptions.includes(values.category),
  );

  const input = {
    name: values.name.trim(),
    category: values.category.trim(),
    areaId: values.areaId ?? 0,
    hostUnitId: values.hostUnitId,
    startedOn: values.startedOn ?? '',
    stoppedOn: values.stoppedOn,
    sites: typeof values.sites === 'number' ? values.sites : NaN,
    teams: typeof values.teams === 'number' ? values.teams : NaN,
    isAdvancedExample: values.isAdvancedExample,
  };
  const clientErrors: Record<string, string> = { ...schemaErrors(modelInputSchema, input, language) };
  if (!input.name) clientErrors.name = t('required');
  if (!input.category) clientErrors.category = t('required');
  if (values.areaId === null) clientErrors.areaId = t('required');
  if (values.startedOn === null) clientErrors.startedOn = t('required');
  if (typeof values.sites !== 'number') clientErrors.sites = t('required');
  if (typeof values.teams !== 'number') clientErrors.teams = t('required');

  const onSuccess = async () => {
    form.saved();
    notifySuccess(t(model ? 'rec_modelUpdated' : 'rec_modelCreated'));
    onDone();
    await invalidate(trpc.models.pathKey(), trpc.stats.pathKey());
  };
  const onError = (error: unknown) => {
    if (Object.keys(fieldErrorsOf(error, language)).length === 0) notifyError(error, language);
  };
  const create = useMutation(trpc.models.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.models.update.mutationOptions({ onSuccess, onError }));
  const mutation = model ? update : create;
  const errors = form.errors(clientErrors, mutation.error, 'model');
  const submit = (event: FormEvent) =>
    form.submit(event, clientErrors, () =>
      model ? update.mutate({ modelId: model.id, model: input }) : create.mutate(input),
    );

  return (
    <RecordForm
      label={model ? t('rec_editModel') : t('rec_addModel')}
      draft={draft}
      onSubmit={submit}
      onDone={onDone}
      saving={mutation.isPending}
    >
      <TextInput
        label={t('rec_modelName')}
        required
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        maxLength={300}
        data-autofocus
      />
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('rec_category')}
            required
            value={otherCategory ? OTHER : values.category || null}
            onChange={(v) => {
              setOtherCategory(v === OTHER);
              set('category', v === OTHER || v === null ? '' : v);
            }}
            data={[
              ...categoryOptions.map((c) => ({ value: c, label: c })),
              { value: OTHER, label: t('rec_otherCategory') },
            ]}
            error={otherCategory ? undefined : errors.category}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          {otherCategory && (
            <TextInput
              mt="xs"
              label={t('rec_otherCategoryName')}
              required
              value={values.category}
              onChange={(e) => set('category', e.currentTarget.value)}
              error={errors.category}
              maxLength={100}
              data-autofocus
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <AreaSelect
            label={t('area')}
            required
            value={values.areaId}
            onChange={(areaId) =>
              draft.set((v) => ({ ...v, areaId, hostUnitId: areaId === v.areaId ? v.hostUnitId : null }))
            }
            error={errors.areaId}
          />
        </Grid.Col>
      </Grid>
      <UnitSelect
        label={t('rec_hostUnit')}
        description={t('rec_hostUnitHint')}
        value={values.hostUnitId}
        areaId={values.areaId ?? defaultAreaId}
        onChange={(unit) =>
          draft.set((v) => ({ ...v, hostUnitId: unit?.id ?? null, areaId: v.areaId ?? unit?.areaId ?? null }))
        }
        error={errors.hostUnitId}
      />
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label={t('rec_startedOn')}
            required
            value={values.startedOn}
            onChange={(v) => set('startedOn', v)}
            error={errors.startedOn}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label={t('rec_stoppedOn')}
            description={t('rec_stoppedOnHint')}
            clearable
            value={values.stoppedOn}
            onChange={(v) => set('stoppedOn', v)}
            error={errors.stoppedOn}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6 }}>
          <NumberInput
            label={t('rec_sites')}
            required
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={values.sites}
            onChange={(v) => set('sites', v)}
            error={errors.sites}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6 }}>
          <NumberInput
            label={t('rec_teams')}
            required
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={values.teams}
            onChange={(v) => set('teams', v)}
            error={errors.teams}
          />
        </Grid.Col>
      </Grid>
      <Checkbox
        label={t('rec_advancedExample')}
        checked={values.isAdvancedExample}
        onChange={(e) => set('isAdvancedExample', e.currentTarget.checked)}
      />
    </RecordForm>
  );
}
