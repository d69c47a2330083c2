import { compareVietnamese } from '@antoan/core';
import { Button, Code, Grid, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { useI18n } from '../i18n.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { actionLabel, entityLabel } from './audit-labels.js';
import { DateField } from '../components/DateField.js';
import { EmptyText, LoadingBlock, QueryError } from '../components/QueryStates.js';

type AuditRecord = RouterOutputs['audit']['list'][number];

const PAGE = 50;

interface Filters {
  userId: number | null;
  action: string | null;
  entity: string | null;
  entityId: string;
  from: string | null;
  to: string | null;
}
const NO_FILTERS: Filters = { userId: null, action: null, entity: null, entityId: '', from: null, to: null };

/** A value of a before/after record as one line of text. */
function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The fields of a before/after pair, the changed ones first. */
function fieldsOf(
  before: unknown,
  after: unknown,
): { field: string; before: string; after: string; changed: boolean }[] {
  const asRecord = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : v === null || v === undefined
        ? {}
        : { value: v };
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((field) => {
    const left = before === null ? '' : show(b[field]);
    const right = after === null ? '' : show(a[field]);
    return { field, before: left, after: right, changed: left !== right };
  });
  return rows.sort((x, y) => Number(y.changed) - Number(x.changed));
}

/**
 * The audit log for administrators: filter by who, action, record type (and id) and Vietnam dates; newest
 * first, 50 a page (keyset pages: the next page starts below the last id shown); a row opens its before and
 * after side by side, the changed fields first.
 */
export function AuditPage() {
  const trpc = useTRPC();
  const { t, language, formatDateTime } = useI18n();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // The ids each page starts below (undefined: the first page).
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const [open, setOpen] = useState<number | null>(null);
  const beforeId = pages.at(-1);
  const users = useQuery({ ...trpc.users.list.queryOptions(), staleTime: 5 * 60_000 });
  const kinds = useQuery({ ...trpc.audit.kinds.queryOptions(), staleTime: 60_000 });
  const input = {
    userId: filters.userId ?? undefined,
    action: filters.action ?? undefined,
    entity: filters.entity ?? undefined,
    entityId: filters.entityId.trim() || undefined,
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
    beforeId,
    // One more than a page: tells whether a next page exists.
    limit: PAGE + 1,
  };
  const badRange = input.from !== undefined && input.to !== undefined && input.from > input.to;
  const list = useQuery({
    ...trpc.audit.list.queryOptions(input),
    enabled: !badRange,
    placeholderData: keepPreviousData,
  });
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPages([undefined]);
    setOpen(null);
  };
  const userOptions = useMemo(
    () =>
      (users.data ?? [])
        .slice()
        .sort((a, b) => compareVietnamese(a.displayName, b.displayName))
        .map((u) => ({ value: String(u.id), label: `${u.displayName} (${u.username})` })),
    [users.data],
  );

  const records: AuditRecord[] = list.data?.slice(0, PAGE) ?? [];
  const hasNext = (list.data?.length ?? 0) > PAGE;
  /** The next page starts after the last record shown. */
  const lastShown = records.at(-1);

  return (
    <Stack>
      <div>
        <Title order={2}>{t('acc_auditTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('acc_auditHelp')}
        </Text>
      </div>
      <Grid align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <Select
            label={t('acc_who')}
            placeholder={t('acc_anyone')}
            searchable
            clearable
            value={filters.userId === null ? null : String(filters.userId)}
            onChange={(v) => setFilter('userId', v === null ? null : Number(v))}
            data={userOptions}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <Select
            label={t('acc_action')}
            placeholder={t('acc_anyAction')}
            searchable
            clearable
            value={filters.action}
            onChange={(v) => setFilter('action', v)}
            data={(kinds.data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(a, language) }))}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 8, sm: 4, lg: 2 }}>
          <Select
            label={t('acc_entity')}
            placeholder={t('acc_anyEntity')}
            searchable
            clearable
            value={filters.entity}
            onChange={(v) => setFilter('entity', v)}
            data={(kinds.data?.entities ?? []).map((e) => ({ value: e, label: entityLabel(e, language) }))}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 4, sm: 2, lg: 1 }}>
          <TextInput
            label={t('acc_entityId')}
            value={filters.entityId}
            maxLength={50}
            onChange={(e) => setFilter('entityId', e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3, lg: 'auto' }}>
          <DateField label={t('acc_from')} clearable value={filters.from} onChange={(v) => setFilter('from', v)} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3, lg: 'auto' }}>
          <DateField
            label={t('acc_to')}
            clearable
            value={filters.to}
            onChange={(v) => setFilter('to', v)}
            error={badRange ? t('acc_badRange') : undefined}
          />
        </Grid.Col>
      </Grid>
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            setFilters(NO_FILTERS);
            setPages([undefined]);
          }}
        >
          {t('acc_clearFilters')}
        </Button>
      </Group>
      {list.isPending && !badRange ? (
        <LoadingBlock />
      ) : list.error ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : records.length === 0 ? (
        <EmptyText>{t('acc_noAudit')}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label={t('acc_auditTitle')} data-testid="audit-table" aria-busy={list.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('acc_time')}</Table.Th>
                <Table.Th>{t('acc_who')}</Table.Th>
                <Table.Th>{t('acc_action')}</Table.Th>
                <Table.Th>{t('acc_entity')}</Table.Th>
                <Table.Th aria-label={t('acc_showDetails')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((r) => (
                <Fragment key={r.id}>
                  <Table.Tr>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</Table.Td>
                    <Table.Td>{r.userName ?? t('acc_system')}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{actionLabel(r.action, language)}</Text>
                      <Code fz="xs">{r.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      {entityLabel(r.entity, language)} #{r.entityId}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-expanded={open === r.id}
                        onClick={() => setOpen(open === r.id ? null : r.id)}
                      >
                        {open === r.id ? t('acc_hideDetails') : t('acc_showDetails')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {open === r.id && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <AuditDiff record={r} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        <Button variant="default" size="xs" disabled={pages.length <= 1} onClick={() => setPages([undefined])}>
          {t('acc_firstPage')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={pages.length <= 1}
          onClick={() => setPages((p) => p.slice(0, -1))}
        >
          {t('prevPage')}
        </Button>
        <Text size="sm">{t('pageN', { page: pages.length })}</Text>
        <Button
          variant="default"
          size="xs"
          disabled={!hasNext || lastShown === undefined}
          onClick={() => lastShown && setPages((p) => [...p, lastShown.id])}
        >
          {t('nextPage')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Before and after of one record side by side; changed fields first and marked. */
function AuditDiff({ record }: { record: AuditRecord }) {
  const { t } = useI18n();
  if (record.before === null && record.after === null) return <Text size="sm">{t('acc_noChangeRecorded')}</Text>;
  const rows = fieldsOf(record.before, record.after);
  return (
    <Table withColumnBorders data-testid="audit-diff" fz="xs" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="20%">{t('acc_field')}</Table.Th>
          <Table.Th>{t('acc_before')}</Table.Th>
          <Table.Th>{t('acc_after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field} bg={row.changed ? 'yellow.0' : undefined} data-changed={row.changed || undefined}>
            <Table.Td ff="monospace">{row.field}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>{row.before}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>{row.after}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
