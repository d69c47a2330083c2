import { foldForSearch } from '@antoan/core';
import { Button, Group, Popover, ScrollArea, Stack, Text, TextInput, Tree, UnstyledButton, useTree, type TreeNodeData } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n.js';
import { useScope } from '../lib/scope.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';

type AreaNode = RouterOutputs['areas']['tree']['roots'][number];

interface FlatArea {
  id: number;
  name: string;
  path: string;
  folded: string;
}

function flatten(nodes: AreaNode[], trail: string[] = [], out: FlatArea[] = []): FlatArea[] {
  for (const node of nodes) {
    out.push({ id: node.id, name: node.name, path: [...trail, node.name].join(' › '), folded: foldForSearch(node.name) });
    flatten(node.children, [...trail, node.name], out);
  }
  return out;
}

const toTreeData = (nodes: AreaNode[]): TreeNodeData[] =>
  nodes.map((n) => ({ value: String(n.id), label: n.name, children: n.children.length > 0 ? toTreeData(n.children) : undefined }));

/** The area picker: the tree of the user's scope, with a search that ignores diacritics (đ too). */
export function AreaPicker() {
  const trpc = useTRPC();
  const { t } = useI18n();
  const { areaId, setArea } = useScope();
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState('');
  const tree = useQuery({ ...trpc.areas.tree.queryOptions({}), staleTime: 10 * 60_000 });
  const roots = useMemo(() => tree.data?.roots ?? [], [tree.data]);
  const flat = useMemo(() => flatten(roots), [roots]);
  const data = useMemo(() => toTreeData(roots), [roots]);
  const controller = useTree({ initialExpandedState: Object.fromEntries(roots.map((r) => [String(r.id), true])) });
  const current = flat.find((a) => a.id === areaId);
  const folded = foldForSearch(search.trim());
  const matches = folded ? flat.filter((a) => a.folded.includes(folded)).slice(0, 100) : [];

  const choose = (id: number | undefined) => {
    setArea(id);
    setOpened(false);
    setSearch('');
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={360} trapFocus shadow="md">
      <Popover.Target>
        <Button variant="light" onClick={() => setOpened((o) => !o)} aria-label={`${t('area')}: ${current?.name ?? t('wholeScope')}`} maw={260}>
          <Text truncate size="sm">
            {current?.name ?? t('wholeScope')}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            aria-label={t('searchAreas')}
            placeholder={t('searchAreas')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-autofocus
          />
          <Button variant="subtle" justify="flex-start" onClick={() => choose(undefined)}>
            {t('wholeScope')}
          </Button>
          <ScrollArea.Autosize mah={360}>
            {folded ? (
              matches.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('noAreaMatch')}
                </Text>
              ) : (
                <Stack gap={2} role="listbox" aria-label={t('areas')}>
                  {matches.map((a) => (
                    <UnstyledButton key={a.id} role="option" aria-selected={a.id === areaId} onClick={() => choose(a.id)} className="area-option">
                      <Text size="sm" fw={500}>
                        {a.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.path}
                      </Text>
                    </UnstyledButton>
                  ))}
                </Stack>
              )
            ) : (
              <Tree
                data={data}
                tree={controller}
                aria-label={t('areas')}
                expandOnClick={false}
                renderNode={({ node, expanded, hasChildren, elementProps }) => (
                  <Group
                    gap={4}
                    wrap="nowrap"
                    {...elementProps}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') choose(Number(node.value));
                    }}
                  >
                    <Text
                      component="span"
                      w={18}
                      ta="center"
                      c="dimmed"
                      aria-hidden
                      onClick={(e) => {
                        e.stopPropagation();
                        controller.toggleExpanded(node.value);
                      }}
                    >
                      {hasChildren ? (expanded ? '▾' : '▸') : ''}
                    </Text>
                    <UnstyledButton tabIndex={-1} onClick={() => choose(Number(node.value))} fw={Number(node.value) === areaId ? 700 : 400} fz="sm">
                      {node.label}
                    </UnstyledButton>
                  </Group>
                )}
              />
            )}
          </ScrollArea.Autosize>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
