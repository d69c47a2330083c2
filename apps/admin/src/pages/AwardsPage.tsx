import {
  AWARD_KIND_LABELS,
  AWARD_KINDS,
  awardInputSchema,
  compareVietnamese,
  RECIPIENT_KIND_LABELS,
  RECIPIENT_KINDS,
  type AwardKind,
  type RecipientKind,
} from '@antoan/core';
import { Autocomplete, Badge, Button, Grid, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { notifyError, notifySuccess, notifyUnlessFieldErrors } from '../errors.js';
import { useI18n } from '../i18n.js';
import { AnchorLink } from '../lib/links.js';
import { useScope, useScopeName } from '../lib/scope.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { canUse, useRole } from './records/access.js';
import { AreaSelect } from '../components/AreaSelect.js';
import { SegmentedField } from '../components/SegmentedField.js';
import { DateField } from '../components/DateField.js';
import { AreaPageOnly, EmptyText, LoadingBlock, QueryError } from '../components/QueryStates.js';
import { UnitSelect } from '../components/UnitSelect.js';
import { useUnits } from '../components/useUnits.js';
import { schemaErrors } from '../components/validate.js';
import { RecordForm } from '../components/records/RecordForm.js';
import { RecordHeader } from '../components/records/RecordHeader.js';
import { RecordDeleteModal, RecordModal } from '../components/records/RecordModal.js';
import { RecordTable, type RecordColumn } from '../components/records/RecordTable.js';
import { useInvalidate, useRecordForm } from '../components/records/useRecordForm.js';

type Award = RouterOutputs['awards']['list'][number];

/** The awards of the area and year in scope: a table, a form to record one, and deletion with confirmation. */
export function AwardsPage() {
  return (
    <AreaPageOnly>
      <AwardsPageContent />
    </AreaPageOnly>
  );
}

function AwardsPageContent() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const { t, l, language, formatDate, formatNumber } = useI18n();
  const { areaId, year } = useScope();
  const areaName = useScopeName(areaId);
  const canEdit = canUse(useRole(), 'awards.write');
  const awards = useQuery({
    ...trpc.awards.list.queryOptions({ areaId, year: year ?? 2000 }),
    enabled: year !== undefined,
  });
  const { units } = useUnits(
    useMemo(() => (awards.data ?? []).flatMap((a) => (a.unitId === null ? [] : [a.unitId])), [awards.data]),
  );
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Award | null>(null);
  const [deleting, setDeleting] = useState<Award | null>(null);
  const remove = useMutation(
    trpc.awards.delete.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t('rec_awardDeleted'));
        setDeleting(null);
        await invalidate(trpc.awards.pathKey(), trpc.stats.pathKey());
      },
      onError: (error) => notifyError(error, language),
    }),
  );

  const rows = useMemo(
    () =>
      [...(awards.data ?? [])].sort((a, b) =>
        a.decisionDate < b.decisionDate
          ? 1
          : a.decisionDate > b.decisionDate
            ? -1
            : compareVietnamese(a.recipientName, b.recipientName),
      ),
    [awards.data],
  );
  const issuers = useMemo(
    () => [...new Set((awards.data ?? []).map((a) => a.issuer))].sort(compareVietnamese),
    [awards.data],
  );

  if (year === undefined || awards.isPending) return <LoadingBlock />;
  if (awards.error) return <QueryError error={awards.error} onRetry={() => awards.refetch()} />;

  const columns: RecordColumn<Award>[] = [
    { header: t('rec_awardKind'), cell: (a) => l(AWARD_KIND_LABELS[a.kind]) },
    {
      header: t('rec_recipient'),
      cell: (a) => {
        const unit = a.unitId === null ? undefined : units.get(a.unitId);
        return (
          <>
            <Text size="sm" fw={500}>
              {a.recipientName}
            </Text>
            <Group gap={6}>
              <Badge size="xs" variant="light" color={a.recipientKind === 'collective' ? 'blue' : 'grape'}>
                {l(RECIPIENT_KIND_LABELS[a.recipientKind])}
              </Badge>
              {unit && (
                <AnchorLink to="/units/$unitId" params={{ unitId: unit.id }} size="xs">
                  {unit.name}
                </AnchorLink>
              )}
            </Group>
          </>
        );
      },
    },
    { header: t('rec_issuer'), cell: (a) => a.issuer },
    { header: t('year'), cell: (a) => a.year },
    { header: t('decisionNumber'), cell: (a) => a.decisionNumber, td: { ff: 'monospace', fz: 'sm' } },
    { header: t('decisionDate'), cell: (a) => formatDate(a.decisionDate) },
  ];

  return (
    <Stack>
      <RecordHeader
        title={t('rec_awardsTitle', { area: areaName, year })}
        summary={
          t('rec_awardsCount', { count: formatNumber(rows.length) }) +
          AWARD_KINDS.map(
            (kind) => ` · ${l(AWARD_KIND_LABELS[kind])}: ${formatNumber(rows.filter((a) => a.kind === kind).length)}`,
          ).join('')
        }
        action={canEdit ? { label: t('rec_addAward'), onClick: () => setCreating(true) } : undefined}
      />
      {rows.length === 0 ? (
        <EmptyText>{t('rec_noAwards', { year })}</EmptyText>
      ) : (
        <RecordTable
          label={t('nav_awards')}
          testId="awards-table"
          minWidth={860}
          rows={rows}
          rowKey={(a) => a.id}
          columns={columns}
          actions={
            canEdit
              ? (a) => (
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing(a)}
                      aria-label={`${t('edit')}: ${a.recipientName} (${a.decisionNumber})`}
                    >
                      {t('edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setDeleting(a)}
                      aria-label={`${t('delete')}: ${a.recipientName} (${a.decisionNumber})`}
                    >
                      {t('delete')}
                    </Button>
                  </Group>
                )
              : undefined
          }
        />
      )}
      <RecordModal opened={creating} onClose={() => setCreating(false)} title={t('rec_addAward')}>
        <AwardForm defaultAreaId={areaId} year={year} issuers={issuers} onDone={() => setCreating(false)} />
      </RecordModal>
      <RecordModal opened={editing !== null} onClose={() => setEditing(null)} title={t('rec_editAward')}>
        {editing !== null && (
          <AwardForm
            key={editing.id}
            award={editing}
            defaultAreaId={areaId}
            year={year}
            issuers={issuers}
            onDone={() => setEditing(null)}
          />
        )}
      </RecordModal>
      <RecordDeleteModal
        target={deleting}
        title={t('rec_deleteAwardTitle')}
        message={(award) =>
          t('rec_deleteAwardMessage', { recipient: award.recipientName, number: award.decisionNumber })
        }
        loading={remove.isPending}
        onConfirm={(award) => remove.mutate({ awardId: award.id })}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

interface AwardValues {
  kind: AwardKind;
  recipientKind: RecipientKind;
  areaId: number | null;
  unitId: number | null;
  recipientName: string;
  issuer: string;
  year: number | string;
  decisionNumber: string;
  decisionDate: string | null;
}

function AwardForm({
  award = null,
  defaultAreaId,
  year,
  issuers,
  onDone,
}: {
  /** The award edited (none: a new one). */
  award?: Award | null;
  defaultAreaId: number | undefined;
  year: number;
  issuers: string[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const { t, l, language } = useI18n();
  const base = useMemo<AwardValues>(
    () =>
      award
        ? {
            kind: award.kind,
            recipientKind: award.recipientKind,
            areaId: award.areaId,
            unitId: award.unitId,
            recipientName: award.recipientName,
            issuer: award.issuer,
            year: award.year,
            decisionNumber: award.decisionNumber,
            decisionDate: award.decisionDate,
          }
        : {
            kind: 'giay_khen',
            recipientKind: 'collective',
            areaId: defaultAreaId ?? null,
            unitId: null,
            recipientName: '',
            issuer: '',
            year,
            decisionNumber: '',
            decisionDate: null,
          },
    [award, defaultAreaId, year],
  );
  const form = useRecordForm<AwardValues>(award ? `award.${award.id}` : `award.new.${year}`, base);
  const { draft, values, set } = form;

  const input = {
    kind: values.kind,
    recipientKind: values.recipientKind,
    areaId: values.areaId ?? 0,
    unitId: values.unitId,
    recipientName: values.recipientName.trim(),
    issuer: values.issuer.trim(),
    year: typeof values.year === 'number' ? values.year : NaN,
    decisionNumber: values.decisionNumber.trim(),
    decisionDate: values.decisionDate ?? '',
  };
  const clientErrors: Record<string, string> = { ...schemaErrors(awardInputSchema, input, language) };
  if (values.areaId === null) clientErrors.areaId = t('required');
  if (!input.recipientName) clientErrors.recipientName = t('required');
  if (!input.issuer) clientErrors.issuer = t('required');
  if (typeof values.year !== 'number') clientErrors.year = t('required');
  if (!input.decisionNumber) clientErrors.decisionNumber = t('required');
  if (values.decisionDate === null) clientErrors.decisionDate = t('required');

  const onSuccess = async () => {
    form.saved();
    notifySuccess(t(award ? 'rec_awardUpdated' : 'rec_awardCreated'));
    onDone();
    await invalidate(trpc.awards.pathKey(), trpc.stats.pathKey());
  };
  const onError = (error: unknown) => notifyUnlessFieldErrors(error, language);
  const create = useMutation(trpc.awards.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.awards.update.mutationOptions({ onSuccess, onError }));
  const mutation = award ? update : create;
  const errors = form.errors(clientErrors, mutation.error, award ? 'award' : undefined);
  const submit = (event: FormEvent) =>
    form.submit(event, clientErrors, () =>
      award ? update.mutate({ awardId: award.id, award: input }) : create.mutate(input),
    );

  return (
    <RecordForm
      label={award ? t('rec_editAward') : t('rec_addAward')}
      draft={draft}
      onSubmit={submit}
      onDone={onDone}
      saving={mutation.isPending}
    >
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SegmentedField
            id="award-kind-label"
            label={t('rec_awardKind')}
            value={values.kind}
            onChange={(v) => set('kind', v)}
            data={AWARD_KINDS.map((k) => ({ value: k, label: l(AWARD_KIND_LABELS[k]) }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SegmentedField
            id="award-recipient-kind-label"
            label={t('rec_recipientKind')}
            value={values.recipientKind}
            onChange={(v) => set('recipientKind', v)}
            data={RECIPIENT_KINDS.map((k) => ({ value: k, label: l(RECIPIENT_KIND_LABELS[k]) }))}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput
            label={t(
              values.recipientKind === 'collective' ? 'rec_recipientNameCollective' : 'rec_recipientNameIndividual',
            )}
            required
            value={values.recipientName}
            onChange={(e) => set('recipientName', e.currentTarget.value)}
            error={errors.recipientName}
            maxLength={300}
            data-autofocus
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <AreaSelect
            label={t('area')}
            required
            value={values.areaId}
            onChange={(areaId) => draft.set((v) => ({ ...v, areaId, unitId: areaId === v.areaId ? v.unitId : null }))}
            error={errors.areaId}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <UnitSelect
            label={t(values.recipientKind === 'collective' ? 'rec_recipientUnit' : 'rec_recipientUnitOfPerson')}
            value={values.unitId}
            areaId={values.areaId ?? defaultAreaId}
            onChange={(unit) =>
              draft.set((v) => ({
                ...v,
                unitId: unit?.id ?? null,
                areaId: v.areaId ?? unit?.areaId ?? null,
                recipientName:
                  v.recipientName || v.recipientKind !== 'collective' || !unit ? v.recipientName : unit.name,
              }))
            }
            error={errors.unitId}
          />
        </Grid.Col>
      </Grid>
      <Autocomplete
        label={t('rec_issuer')}
        required
        value={values.issuer}
        onChange={(v) => set('issuer', v)}
        data={issuers}
        error={errors.issuer}
        maxLength={300}
        comboboxProps={{ withinPortal: true }}
      />
      <Grid>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <NumberInput
            label={t('rec_awardYear')}
            required
            min={2000}
            max={2100}
            allowDecimal={false}
            allowNegative={false}
            value={values.year}
            onChange={(v) => set('year', v)}
            error={errors.year}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <TextInput
            label={t('decisionNumber')}
            required
            placeholder="123/QĐ-CAT"
            value={values.decisionNumber}
            onChange={(e) => set('decisionNumber', e.currentTarget.value)}
            error={errors.decisionNumber}
            maxLength={100}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <DateField
            label={t('decisionDate')}
            required
            value={values.decisionDate}
            onChange={(v) => set('decisionDate', v)}
            error={errors.decisionDate}
          />
        </Grid.Col>
      </Grid>
    </RecordForm>
  );
}
