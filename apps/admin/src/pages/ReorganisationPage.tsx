import { AREA_KINDS, REORGANISATION_KINDS, ROLE_LABELS, type AreaKind, type ReorganisationKind } from '@antoan/core';
import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { errorText, notifySuccess } from '../errors.js';
import { useI18n, type MessageKey } from '../i18n.js';
import { useTRPC, type RouterInputs, type RouterOutputs } from '../trpc.js';
import { canUse } from './records/access.js';
import { AreaSelect, useAreaOptions } from '../components/AreaSelect.js';
import { DateField } from '../components/DateField.js';

type Request = Omit<RouterInputs['areas']['reorganise'], 'dryRun'>;
type Preview = RouterOutputs['areas']['reorganise'];
interface Successor {
  code: string;
  name: string;
  kind: AreaKind;
  parentId: number | null;
}

const emptySuccessor = (): Successor => ({ code: '', name: '', kind: 'xa', parentId: null });

/**
 * Merges, splits, renames or moves areas, ends one (into another of its level, or not), or establishes new ones
 * (issue 15): the form, a preview (the server does the whole change and
 * rolls it back, answering every area and unit touched and the figures before and after), then the change
 * itself after a confirmation. The preview must be of the form as it is: editing it asks for a new one.
 */
export function ReorganisationPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, language } = useI18n();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { options } = useAreaOptions();
  const [kind, setKind] = useState<ReorganisationKind>('merge');
  const [effectiveDate, setEffectiveDate] = useState<string | null>(null);
  const [legalNumber, setLegalNumber] = useState('');
  const [legalDate, setLegalDate] = useState<string | null>(null);
  const [predecessorIds, setPredecessorIds] = useState<number[]>([]);
  const [successors, setSuccessors] = useState<Successor[]>([emptySuccessor()]);
  const [intoId, setIntoId] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ key: string; value: Preview } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const request: Request = {
    kind,
    effectiveDate: effectiveDate ?? '',
    legalBasis: { number: legalNumber, date: legalDate ?? '' },
    predecessorIds: kind === 'establish' ? [] : predecessorIds,
    successors: kind === 'dissolve' ? [] : successors,
    ...(kind === 'dissolve' && intoId !== null ? { intoId } : {}),
  };
  const many = kind === 'split' || kind === 'establish';
  const run = useMutation(
    trpc.areas.reorganise.mutationOptions({
      onSuccess: async (value, variables) => {
        setPreview({ key: JSON.stringify({ ...variables, dryRun: undefined }), value });
        if (value.applied) {
          notifySuccess(t('reorg_done'));
          await queryClient.invalidateQueries();
        }
      },
    }),
  );
  const previewIsCurrent =
    preview !== null && !preview.value.applied && preview.key === JSON.stringify({ ...request, dryRun: undefined });
  const areaLabel = useMemo(() => new Map(options.map((o) => [o.id, o.path])), [options]);

  if (me.data && !canUse(me.data.role, 'areas.reorganise')) {
    return (
      <Alert color="gray" role="status">
        {t('reorg_forbidden')}
      </Alert>
    );
  }
  const setSuccessor = (index: number, patch: Partial<Successor>) =>
    setSuccessors((list) => list.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <Stack>
      <Title order={2}>{t('reorg_title')}</Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('reorg_intro')}
      </Text>
      <form
        aria-label={t('reorg_title')}
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate({ ...request, dryRun: true });
        }}
      >
        <Stack maw={900}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select<ReorganisationKind>
              label={t('reorg_kind')}
              data={REORGANISATION_KINDS.map((k) => ({ value: k, label: t(`reorg_kind_${k}` as MessageKey) }))}
              value={kind}
              onChange={(value) => value && setKind(value)}
              allowDeselect={false}
              required
            />
            <DateField label={t('reorg_effectiveDate')} value={effectiveDate} onChange={setEffectiveDate} required />
            <TextInput
              label={t('reorg_legalNumber')}
              value={legalNumber}
              onChange={(e) => setLegalNumber(e.currentTarget.value)}
              placeholder="1680/NQ-UBTVQH15"
              required
            />
            <DateField label={t('reorg_legalDate')} value={legalDate} onChange={setLegalDate} required />
          </SimpleGrid>
          {kind !== 'establish' && (
            <MultiSelect
              label={t('reorg_predecessors')}
              description={t('reorg_predecessorsHint')}
              searchable
              required
              data={options.map((o) => ({ value: String(o.id), label: o.path }))}
              value={predecessorIds.map(String)}
              onChange={(values) => setPredecessorIds(values.map(Number))}
              maxValues={kind === 'merge' ? undefined : 1}
              limit={100}
            />
          )}
          {kind === 'dissolve' && (
            <AreaSelect label={t('reorg_into')} description={t('reorg_intoHint')} value={intoId} onChange={setIntoId} />
          )}
          {kind !== 'dissolve' && (
            <Card withBorder>
              <Stack>
                <Text fw={600}>{t('reorg_successors')}</Text>
                {successors.map((s, i) => (
                  <SimpleGrid key={i} cols={{ base: 1, sm: 4 }} aria-label={`${t('reorg_successors')} ${i + 1}`}>
                    <TextInput
                      label={t('reorg_code')}
                      value={s.code}
                      onChange={(e) => setSuccessor(i, { code: e.currentTarget.value })}
                      required
                    />
                    <TextInput
                      label={t('reorg_name')}
                      value={s.name}
                      onChange={(e) => setSuccessor(i, { name: e.currentTarget.value })}
                      required
                    />
                    <Select<AreaKind>
                      label={t('reorg_areaKind')}
                      data={AREA_KINDS.map((k) => ({ value: k, label: t(`kind_${k}` as MessageKey) }))}
                      value={s.kind}
                      onChange={(value) => value && setSuccessor(i, { kind: value })}
                      allowDeselect={false}
                    />
                    <AreaSelect
                      label={t('reorg_parent')}
                      value={s.parentId}
                      onChange={(parentId) => setSuccessor(i, { parentId })}
                    />
                    {many && successors.length > 1 && (
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => setSuccessors((list) => list.filter((_, j) => j !== i))}
                      >
                        {t('reorg_remove')}
                      </Button>
                    )}
                  </SimpleGrid>
                ))}
                {many && (
                  <Group>
                    <Button variant="default" onClick={() => setSuccessors((list) => [...list, emptySuccessor()])}>
                      {t('reorg_addSuccessor')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          )}
          {run.error && (
            <Alert color="red" role="alert">
              {errorText(run.error, language)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={run.isPending && run.variables?.dryRun}>
              {t('reorg_preview')}
            </Button>
            <Button color="orange" disabled={!previewIsCurrent} onClick={() => setConfirming(true)}>
              {t('reorg_apply')}
            </Button>
            {preview && !preview.value.applied && !previewIsCurrent && (
              <Text size="sm" c="orange.8" role="status">
                {t('reorg_stale')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      {preview && <PreviewCard preview={preview.value} areaLabel={areaLabel} />}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('reorg_apply')}>
        <Stack>
          <Text>{t('reorg_confirm', { date: effectiveDate ? effectiveDate.split('-').reverse().join('/') : '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button
              color="orange"
              loading={run.isPending && !run.variables?.dryRun}
              onClick={() => {
                setConfirming(false);
                run.mutate({ ...request, dryRun: false });
              }}
            >
              {t('reorg_apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function PreviewCard({ preview, areaLabel }: { preview: Preview; areaLabel: Map<number, string> }) {
  const { t, l, formatDate } = useI18n();
  const date = formatDate(preview.effectiveDate);
  const rate = (units: Preview['figures']['before'][number]['units']) =>
    `${units.KDC.recognised}/${units.KDC.eligible} · ${units.XA.recognised}/${units.XA.eligible}`;
  const before = new Map(preview.figures.before.map((f) => [f.area.id, f]));
  const after = new Map(preview.figures.after.map((f) => [f.area.id, f]));
  const areas = [...new Set([...before.keys(), ...after.keys()])];
  return (
    <Card withBorder data-testid="reorganisation-preview">
      <Stack>
        <Title order={3}>{preview.applied ? t('reorg_doneTitle') : t('reorg_previewTitle')}</Title>
        <Text size="sm">{preview.note}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {preview.endAreas.length > 0 ? (
            <div>
              <Text fw={600}>{t('reorg_ending', { date })}</Text>
              {preview.endAreas.map((a) => (
                <Text key={a.id} size="sm">
                  {areaLabel.get(a.id) ?? a.name} ({a.code})
                </Text>
              ))}
            </div>
          ) : (
            <Text size="sm">{t('reorg_nothingEnds')}</Text>
          )}
          <div>
            <Text fw={600}>{t('reorg_beginning', { date })}</Text>
            {preview.newAreas.map((a) => (
              <Text key={a.code} size="sm">
                {a.name} ({a.code})
              </Text>
            ))}
            {preview.into && (
              <Text size="sm">
                {t('reorg_intoPreview', {
                  area: `${areaLabel.get(preview.into.id) ?? preview.into.name} (${preview.into.code})`,
                })}
              </Text>
            )}
          </div>
        </SimpleGrid>
        <Text fw={600}>{t('reorg_figures', { year: preview.figures.year })}</Text>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reorg_area')}</Table.Th>
              <Table.Th>
                {t('reorg_before')}: {t('reorg_unitsOfType')}
              </Table.Th>
              <Table.Th>
                {t('reorg_after')}: {t('reorg_unitsOfType')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {areas.map((id) => {
              const was = before.get(id);
              const will = after.get(id);
              const area = (was ?? will)?.area;
              if (!area) return null;
              return (
                <Table.Tr key={id}>
                  <Table.Td>{area.name}</Table.Td>
                  <Table.Td>{was ? rate(was.units) : '—'}</Table.Td>
                  <Table.Td>{will ? rate(will.units) : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {preview.movedUsers.length > 0 && (
          <Text size="sm">{t('reorg_users', { names: preview.movedUsers.join(', ') })}</Text>
        )}
        {preview.accountsLeftBehind.length > 0 && (
          <Alert color="red" title={t('reorg_leftBehind')} data-testid="accounts-left-behind">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('username')}</Table.Th>
                  <Table.Th>{t('acc_role')}</Table.Th>
                  <Table.Th>{t('reorg_leftPlace')}</Table.Th>
                  <Table.Th>{t('reorg_leftWhy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.accountsLeftBehind.map((a) => (
                  <Table.Tr key={a.username}>
                    <Table.Td ff="monospace">{a.username}</Table.Td>
                    <Table.Td>{l(ROLE_LABELS[a.role])}</Table.Td>
                    <Table.Td>{a.place}</Table.Td>
                    <Table.Td>{l(a.reason)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        )}
        {preview.droppedFiles.length > 0 && (
          <Alert color="orange">
            {t('reorg_dropped', { list: preview.droppedFiles.map((f) => `${f.code} (${f.year})`).join(', ') })}
          </Alert>
        )}
        <Text fw={600}>{t('reorg_units', { count: preview.units.length })}</Text>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reorg_unitFrom')}</Table.Th>
              <Table.Th>{t('reorg_unitTo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.units.slice(0, 200).map((u) => (
              <Table.Tr key={u.to.code}>
                <Table.Td>{u.from.map((f) => `${f.name} (${f.code})`).join('; ')}</Table.Td>
                <Table.Td>
                  {u.to.name} ({u.to.code})
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
