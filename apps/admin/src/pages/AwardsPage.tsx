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
import {
  Autocomplete,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { fieldErrorsOf, notifyError, notifySuccess, notifyUnlessFieldErrors } from '../errors.js';
import { useI18n } from '../i18n.js';
import { useDraft } from '../lib/draft.js';
import { AnchorLink } from '../lib/links.js';
import { useScope, useScopeName } from '../lib/scope.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { canUse, useRole } from './records/access.js';
import { AreaSelect } from './records/AreaSelect.js';
import { ConfirmModal } from './records/ConfirmModal.js';
import { DateField } from './records/DateField.js';
import { AreaPageOnly, EmptyText, LoadingBlock, QueryError } from './records/QueryStates.js';
import { UnitSelect } from './records/UnitSelect.js';
import { useUnits } from './records/useUnits.js';
import { schemaErrors } from './records/validate.js';
import { DraftNotice, FormActions } from '../layout/FormParts.js';

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
  const queryClient = useQueryClient();
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
  const [deleting, setDeleting] = useState<Award | null>(null);
  const small = useMediaQuery('(max-width: 48em)');
  const remove = useMutation(
    trpc.awards.delete.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t('rec_awardDeleted'));
        setDeleting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.awards.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
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

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('rec_awardsTitle', { area: areaName, year })}</Title>
          <Text size="sm" c="dimmed">
            {t('rec_awardsCount', { count: formatNumber(rows.length) })}
            {AWARD_KINDS.map(
              (kind) => ` · ${l(AWARD_KIND_LABELS[kind])}: ${formatNumber(rows.filter((a) => a.kind === kind).length)}`,
            ).join('')}
          </Text>
        </div>
        {canEdit && <Button onClick={() => setCreating(true)}>{t('rec_addAward')}</Button>}
      </Group>
      {rows.length === 0 ? (
        <EmptyText>{t('rec_noAwards', { year })}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-label={t('nav_awards')} data-testid="awards-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rec_awardKind')}</Table.Th>
                <Table.Th>{t('rec_recipient')}</Table.Th>
                <Table.Th>{t('rec_issuer')}</Table.Th>
                <Table.Th>{t('year')}</Table.Th>
                <Table.Th>{t('decisionNumber')}</Table.Th>
                <Table.Th>{t('decisionDate')}</Table.Th>
                {canEdit && <Table.Th aria-label={t('rec_actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => {
                const unit = a.unitId === null ? undefined : units.get(a.unitId);
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>{l(AWARD_KIND_LABELS[a.kind])}</Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>{a.issuer}</Table.Td>
                    <Table.Td>{a.year}</Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {a.decisionNumber}
                    </Table.Td>
                    <Table.Td>{formatDate(a.decisionDate)}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(a)}
                          aria-label={`${t('delete')}: ${a.recipientName} (${a.decisionNumber})`}
                        >
                          {t('delete')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('rec_addAward')}
        size="lg"
        fullScreen={small}
      >
        {creating && (
          <AwardForm defaultAreaId={areaId} year={year} issuers={issuers} onDone={() => setCreating(false)} />
        )}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('rec_deleteAwardTitle')}
        message={
          deleting
            ? t('rec_deleteAwardMessage', { recipient: deleting.recipientName, number: deleting.decisionNumber })
            : ''
        }
        confirmLabel={t('delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ awardId: deleting.id })}
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
  defaultAreaId,
  year,
  issuers,
  onDone,
}: {
  defaultAreaId: number | undefined;
  year: number;
  issuers: string[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language } = useI18n();
  const base = useMemo<AwardValues>(
    () => ({
      kind: 'giay_khen',
      recipientKind: 'collective',
      areaId: defaultAreaId ?? null,
      unitId: null,
      recipientName: '',
      issuer: '',
      year,
      decisionNumber: '',
      decisionDate: null,
    }),
    [defaultAreaId, year],
  );
  const draft = useDraft<AwardValues>(`award.new.${year}`, base);
  const values = draft.value;
  const [submitted, setSubmitted] = useState(false);
  const set = <K extends keyof AwardValues>(key: K, value: AwardValues[K]) =>
    draft.set((v) => ({ ...v, [key]: value }));

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

  const create = useMutation(
    trpc.awards.create.mutationOptions({
      onSuccess: async () => {
        draft.clear();
        notifySuccess(t('rec_awardCreated'));
        onDone();
        await queryClient.invalidateQueries({ queryKey: trpc.awards.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
      },
      onError: (error) => notifyUnlessFieldErrors(error, language),
    }),
  );
  const serverErrors = create.error ? fieldErrorsOf(create.error, language) : {};
  const errors = submitted ? { ...serverErrors, ...clientErrors } : serverErrors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(clientErrors).length === 0) create.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('rec_addAward')}>
      <Stack>
        <DraftNotice draft={draft} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Text size="sm" fw={500} mb={4} id="award-kind-label">
              {t('rec_awardKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="award-kind-label"
              fullWidth
              value={values.kind}
              onChange={(v) => set('kind', v)}
              data={AWARD_KINDS.map((k) => ({ value: k, label: l(AWARD_KIND_LABELS[k]) }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Text size="sm" fw={500} mb={4} id="award-recipient-kind-label">
              {t('rec_recipientKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="award-recipient-kind-label"
              fullWidth
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
        <FormActions
          onCancel={() => {
            draft.clear();
            onDone();
          }}
          saving={create.isPending}
        />
      </Stack>
    </form>
  );
}
