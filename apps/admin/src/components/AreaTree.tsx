import type { RouterOutputs } from '../trpc.js';
import { useI18n } from '../i18n.js';
import { useState } from 'react';

type AreaNode = RouterOutputs['areas']['tree']['roots'][number];

interface Props {
  roots: AreaNode[];
  selectedId: number | undefined;
  onSelect: (id: number | undefined) => void;
}

/** The area tree as a keyboard-usable list of buttons: Tab/Shift+Tab to move, Enter to choose. */
export function AreaTree({ roots, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  if (roots.length === 0) return <p className="empty">{t('noAreas')}</p>;
  return (
    <ul className="tree" role="tree" aria-label={t('areas')}>
      {roots.map((node) => (
        <TreeNode key={node.id} node={node} depth={0} selectedId={selectedId} onSelect={onSelect} />
      ))}
    </ul>
  );
}

function TreeNode({ node, depth, selectedId, onSelect }: { node: AreaNode; depth: number } & Omit<Props, 'roots'>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(depth < 2);
  const children = node.children;
  const hasChildren = children.length > 0;
  return (
    <li role="treeitem" aria-expanded={hasChildren ? open : undefined} aria-selected={selectedId === node.id}>
      <div className="tree-row" style={{ paddingLeft: `${depth * 1.1}rem` }}>
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-label={open ? `− ${node.name}` : `+ ${node.name}`}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden="true" />
        )}
        <button
          type="button"
          className={selectedId === node.id ? 'tree-label selected' : 'tree-label'}
          onClick={() => onSelect(node.id)}
        >
          {node.name} <small>{t(`kind_${node.kind}`)}</small>
        </button>
      </div>
      {hasChildren && open && (
        <ul role="group">
          {children.map((child) => (
            <TreeNode key={child.id} node={child} depth={depth + 1} selectedId={selectedId} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </li>
  );
}
