import { UNIT_TYPE_LABELS, type UnitType } from '@antoan/core';
import { Badge, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';

export type UnitRow = RouterOutputs['units']['list']['items'][number];

const PAGE = 50;
const labelOf = (unit: UnitRow) => `${unit.name} · ${unit.code}`;

/**
 * Picks a unit of the area in scope: a searchable list fed by `units.list`, whose search ignores case and
 * diacritics on the server ("quang thuy" finds "Quảng Thủy"); the first 50 matches are offered, so a
 * long list is narrowed by typing.
 */
export function UnitSelect({
  label,
  value,
  onChange,
  areaId,
  types,
  error,
  required,
  disabled,
  description,
  autoFocus,
}: {
  label: string;
  value: number | null;
  onChange: (unit: UnitRow | null) => void;
  areaId: number | undefined;
  types?: readonly UnitType[];
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  description?: string;
  autoFocus?: boolean;
}) {
  const trpc = useTRPC();
  const { t, l } = useI18n();
  const [search, setSearch] = useState('');
  const selected = useQuery({
    ...trpc.units.get.queryOptions({ unitId: value ?? 0 }),
    enabled: value !== null,
    staleTime: 5 * 60_000,
  });
  const selectedUnit = value !== null ? selected.data : undefined;
  // Once a unit is chosen the box shows its label: that is not a search.
  const typed = selectedUnit && search === labelOf(selectedUnit) ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 250);
  const list = useQuery({
    ...trpc.units.list.queryOptions({
      areaId,
      types: types ? [...types] : undefined,
      search: debounced || undefined,
      pageSize: PAGE,
    }),
    placeholderData: keepPreviousData,
  });
  const units = useMemo(() => {
    const items = list.data?.items ?? [];
    return selectedUnit && !items.some((u) => u.id === selectedUnit.id) ? [selectedUnit, ...items] : items;
  }, [list.data, selectedUnit]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);

  return (
    <Select<number>
      label={label}
      description={description}
      placeholder={t('rec_searchUnit')}
      searchable
      clearable={!required}
      required={required}
      disabled={disabled}
      autoFocus={autoFocus}
      data-autofocus={autoFocus || undefined}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id === null ? null : (byId.get(id) ?? null))}
      data={units.map((u) => ({ value: u.id, label: labelOf(u) }))}
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? t('loading') : t('rec_noUnitMatch')}
      error={error}
      maxDropdownHeight={320}
      renderOption={({ option }) => {
        const unit = byId.get(option.value);
        return unit ? (
          <Group gap="xs" wrap="nowrap">
            <Badge size="xs" variant="light" title={l(UNIT_TYPE_LABELS[unit.type])}>
              {unit.type}
            </Badge>
            <div>
              <Text size="sm">{unit.name}</Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {unit.code}
              </Text>
            </div>
          </Group>
        ) : (
          option.label
        );
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
