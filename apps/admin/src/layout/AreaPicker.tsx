import { foldForSearch } from '@antoan/core';
import {
  Button,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Tree,
  UnstyledButton,
  useTree,
  type TreeNodeData,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n.js';
import { useScope, useScopeName } from '../lib/scope.js';
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
    out.push({
      id: node.id,
      name: node.name,
      path: [...trail, node.name].join(' › '),
      folded: foldForSearch(node.name),
    });
    flatten(node.children, [...trail, node.name], out);
  }
  return out;
}

const toTreeData = (nodes: AreaNode[]): TreeNodeData[] =>
  nodes.map((n) => ({
    value: String(n.id),
    label: n.name,
    children: n.children.length > 0 ? toTreeData(n.children) : undefined,
  }));

/** The area picker: the tree of the user's scope, with a search that ignores diacritics (đ too). */
export function AreaPicker() {
  const trpc = useTRPC();
  const { t } = useI18n();
  const { areaId, setArea } = useScope();
  const scopeName = useScopeName(undefined);
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState('');
  const tree = useQuery({ ...trpc.areas.tree.queryOptions({}), staleTime: 10 * 60_000 });
  const roots = useMemo(() => tree.data?.roots ?? [], [tree.data]);
  const flat = useMemo(() => flatten(roots), [roots]);
  const data = useMemo(() => toTreeData(roots), [roots]);
  const controller = useTree();
  const current = flat.find((a) => a.id === areaId);
  const folded = foldForSearch(search.trim());
  const matches = folded ? flat.filter((a) => a.folded.includes(folded)).slice(0, 100) : [];

  const listRef = useRef<HTMLDivElement>(null);

  // On opening, the roots and the way down to the chosen area are unfolded (the tree loads after the first
  // render, so an initial state would find no roots).
  const openPicker = () => {
    const path: number[] = [];
    const walk = (nodes: AreaNode[], trail: number[]): boolean =>
      nodes.some((n) => (n.id === areaId ? (path.push(...trail, n.id), true) : walk(n.children, [...trail, n.id])));
    if (areaId !== undefined) walk(roots, []);
    controller.setExpandedState({
      ...controller.expandedState,
      ...Object.fromEntries([...roots.map((r) => r.id), ...path.slice(0, -1)].map((id) => [String(id), true])),
    });
    setOpened(true);
  };

  const choose = (id: number | undefined) => {
    setArea(id);
    setOpened(false);
    setSearch('');
  };
  // Keyboard: Enter in the search picks the first match, ArrowDown goes to the list; in the list of matches
  // the arrows move between options; in the tree (Mantine moves with the arrows) Enter picks the focused area.
  const focusables = () =>
    Array.from(listRef.current?.querySelectorAll<HTMLElement>('[role=option], [role=treeitem]') ?? []).filter(
      (el) => el.offsetParent !== null,
    );
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (matches[0]) choose(matches[0].id);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusables()[0]?.focus();
    }
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') === 'treeitem' && event.key === 'Enter') {
      event.preventDefault();
      choose(Number(target.dataset.value));
    }
    if (target.getAttribute('role') === 'option' && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const all = focusables();
      const next = all[all.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)];
      next?.focus();
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={360} trapFocus returnFocus shadow="md">
      <Popover.Target>
        <Button
          variant="light"
          onClick={() => (opened ? setOpened(false) : openPicker())}
          aria-label={`${t('area')}: ${current?.name ?? scopeName}`}
          maw={260}
        >
          <Text truncate size="sm">
            {current?.name ?? scopeName}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw="calc(100vw - 16px)">
        <Stack gap="xs">
          <TextInput
            aria-label={t('searchAreas')}
            placeholder={t('searchAreas')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            onKeyDown={onSearchKeyDown}
            data-autofocus
          />
          <Button variant="subtle" justify="flex-start" onClick={() => choose(undefined)}>
            {t('wholeScope')}
          </Button>
          {/* Key presses bubble up here from the options and tree items, which are the focusable elements. */}
          <div ref={listRef} onKeyDown={onListKeyDown}>
            <ScrollArea.Autosize mah={360}>
              {folded ? (
                matches.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('noAreaMatch')}
                  </Text>
                ) : (
                  <Stack gap={2} role="listbox" aria-label={t('areas')}>
                    {matches.map((a) => (
                      <UnstyledButton
                        key={a.id}
                        role="option"
                        aria-selected={a.id === areaId}
                        onClick={() => choose(a.id)}
                        className="area-option"
                      >
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
                    <Group gap={4} wrap="nowrap" {...elementProps}>
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
                      <UnstyledButton
                        tabIndex={-1}
                        onClick={() => choose(Number(node.value))}
                        fw={Number(node.value) === areaId ? 700 : 400}
                        fz="sm"
                      >
                        {node.label}
                      </UnstyledButton>
                    </Group>
                  )}
                />
              )}
            </ScrollArea.Autosize>
          </div>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
