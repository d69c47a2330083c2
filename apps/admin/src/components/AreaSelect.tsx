import { foldForSearch } from '@antoan/core';
import { Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useI18n } from '../i18n.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';

type AreaNode = RouterOutputs['areas']['tree']['roots'][number];

export interface AreaOption {
  id: number;
  name: string;
  path: string;
  folded: string;
}

function flatten(nodes: readonly AreaNode[], trail: string[], out: AreaOption[]): AreaOption[] {
  for (const node of nodes) {
    const path = [...trail, node.name];
    out.push({ id: node.id, name: node.name, path: path.join(' › '), folded: foldForSearch(path.join(' ')) });
    flatten(node.children, path, out);
  }
  return out;
}

/** The areas of the user's tree (today's), flat, with their paths: for pickers and for naming a record's area. */
export function useAreaOptions(): { options: AreaOption[]; byId: Map<number, AreaOption> } {
  const trpc = useTRPC();
  const tree = useQuery({ ...trpc.areas.tree.queryOptions({}), staleTime: 10 * 60_000 });
  return useMemo(() => {
    const options = flatten(tree.data?.roots ?? [], [], []);
    return { options, byId: new Map(options.map((o) => [o.id, o])) };
  }, [tree.data]);
}

/** Picks an area of the user's tree; the search ignores diacritics and matches the path too. */
export function AreaSelect({
  label,
  value,
  onChange,
  error,
  required,
  description,
}: {
  label: string;
  value: number | null;
  onChange: (areaId: number | null) => void;
  error?: string | undefined;
  required?: boolean;
  description?: string;
}) {
  const { t } = useI18n();
  const { options, byId } = useAreaOptions();
  return (
    <Select<number>
      label={label}
      description={description}
      placeholder={t('searchAreas')}
      searchable
      required={required}
      value={value}
      onChange={onChange}
      data={options.map((o) => ({ value: o.id, label: o.name }))}
      filter={({ options: items, search }) => {
        const folded = foldForSearch(search);
        return folded
          ? items.filter((item) => 'value' in item && byId.get(item.value)?.folded.includes(folded))
          : items;
      }}
      limit={100}
      nothingFoundMessage={t('noAreaMatch')}
      error={error}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {byId.get(option.value)?.path}
          </Text>
        </div>
      )}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
