import { UNIT_TYPE_LABELS, UNIT_TYPES, vietnamDate, type UnitType } from '@antoan/core';
import { Alert, Badge, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../errors.js';
import { useI18n } from '../i18n.js';
import { AnchorLink } from '../lib/links.js';
import { useAreaName, useScope, useScopeName } from '../lib/scope.js';
import { DateField } from '../components/DateField.js';
import { useTRPCClient } from '../trpc.js';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 41;

/**
 * Every unit of the chosen area in one scrolling table: rows are fetched 200 at a time as the user scrolls
 * and only the visible ones are rendered, so 10,000+ units stay fast. The units as they are today, or on the day
 * chosen: those that exist that day, under the area they were in then (the area's subtree as it was that day).
 */
export function UnitsPage() {
  const client = useTRPCClient();
  const { t, l, language, formatNumber } = useI18n();
  const { areaId } = useScope();
  const [date, setDate] = useState<string | null>(null);
  // an area that has ended is not in today's tree: its name as it was on the day asked for
  const datedName = useAreaName(areaId, date ?? undefined);
  const scopeName = useScopeName(areaId);
  const areaName = datedName ?? scopeName;
  const [search, setSearch] = useState('');
  const [type, setType] = useState<UnitType | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const filters = {
    areaId,
    // empty: today (Việt Nam's day), so that units that have ended are not listed as today's
    date: date ?? vietnamDate(new Date()),
    search: debounced || undefined,
    types: type ? [type] : undefined,
  };

  const query = useInfiniteQuery({
    queryKey: ['units-table', filters],
    queryFn: ({ pageParam }) => client.units.list.query({ ...filters, page: pageParam, pageSize: PAGE_SIZE }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change every render by design; nothing memoises them here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 40 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [lastIndex, rows.length, query]);
  const paddingTop = items[0]?.start ?? 0;
  const lastItem = items.at(-1);
  const paddingBottom = lastItem ? virtualizer.getTotalSize() - lastItem.end : 0;

  return (
    <Stack>
      <Title order={2}>
        {t('units')} — {areaName}
      </Title>
      <Group align="flex-end">
        <TextInput
          label={t('searchUnits')}
          type="search"
          value={search}
          maxLength={200}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
          maw="100%"
        />
        <Select
          label={t('type')}
          placeholder={t('allTypes')}
          clearable
          value={type}
          onChange={(v) => setType(v)}
          data={UNIT_TYPES.map((code) => ({ value: code, label: `${code} — ${l(UNIT_TYPE_LABELS[code])}` }))}
          w={260}
        />
        <DateField
          label={t('unitsOnDate')}
          value={date}
          onChange={setDate}
          clearable
          w={220}
          data-testid="units-date"
        />
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="units-count">
          {query.isPending
            ? t('loading')
            : t('unitsCount', { shown: formatNumber(rows.length), total: formatNumber(total) })}
        </Text>
      </Group>
      {query.error && (
        <Alert color="red" role="alert">
          {errorText(query.error, language)}
        </Alert>
      )}
      <div ref={scrollRef} className="virtual-scroll" data-testid="units-scroll">
        <Table
          stickyHeader
          highlightOnHover
          aria-rowcount={total + 1}
          aria-label={`${t('units')} — ${areaName}`}
          miw={640}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('name')}</Table.Th>
              <Table.Th>{t('type')}</Table.Th>
              <Table.Th>{t('code')}</Table.Th>
              <Table.Th>{t('managingLevel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && (
              <tr aria-hidden>
                <td colSpan={4} style={{ height: paddingTop, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const unit = rows[item.index];
              if (!unit) return null;
              return (
                <Table.Tr key={unit.id} h={ROW_HEIGHT} aria-rowindex={item.index + 2}>
                  <Table.Td>
                    <AnchorLink to="/units/$unitId" params={{ unitId: unit.id }}>
                      {unit.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td className="nowrap">
                    <Badge variant="light" size="sm" mr={6}>
                      {unit.type}
                    </Badge>
                    {l(UNIT_TYPE_LABELS[unit.type])}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="sm" className="nowrap">
                    {unit.code}
                  </Table.Td>
                  <Table.Td>{t(`level_${unit.managingLevel}`)}</Table.Td>
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden>
                <td colSpan={4} style={{ height: paddingBottom, padding: 0 }} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
        {!query.isPending && rows.length === 0 && (
          <Text p="md" c="dimmed">
            {t('noUnits')}
          </Text>
        )}
        {(query.isPending || query.isFetchingNextPage) && <Loader size="sm" m="md" aria-label={t('loading')} />}
      </div>
    </Stack>
  );
}
