import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AreaTree } from './components/AreaTree.js';
import { ErrorNotice } from './components/ErrorNotice.js';
import { LoginForm } from './components/LoginForm.js';
import { UnitTable } from './components/UnitTable.js';
import { useI18n, type Language } from './i18n.js';
import { useTRPC, type RouterOutputs } from './trpc.js';

type AreaNode = RouterOutputs['areas']['tree']['roots'][number];

function findName(nodes: AreaNode[], id: number | undefined): string | undefined {
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.id === id) return node.name;
    stack.push(...node.children);
  }
  return undefined;
}

function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language">
      <span>{t('language')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        <option value="vi">Tiếng Việt</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}

export function App() {
  const trpc = useTRPC();
  const { t } = useI18n();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isPending) return <p className="loading">{t('loading')}</p>;
  if (me.error) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return (
      <>
        <div className="login-language">
          <LanguageSwitch />
        </div>
        <LoginForm />
      </>
    );
  }
  return <Workspace displayName={me.data.displayName} />;
}

function Workspace({ displayName }: { displayName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, formatDate } = useI18n();
  const [areaId, setAreaId] = useState<number | undefined>(undefined);
  const tree = useQuery(trpc.areas.tree.queryOptions({}));
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({ onSettled: () => queryClient.resetQueries() }),
  );

  return (
    <div className="app">
      <header className="topbar">
        <div>
          <h1>{t('appTitle')}</h1>
          <p>{t('appSubtitle')}</p>
        </div>
        <div className="topbar-actions">
          <LanguageSwitch />
          <span className="user-name">{displayName}</span>
          <button type="button" onClick={() => logout.mutate()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main className="layout">
        <nav className="panel areas" aria-labelledby="areas-heading">
          <h2 id="areas-heading">{t('areas')}</h2>
          {tree.data && <p className="muted">{t('treeAsOf', { date: formatDate(tree.data.date) })}</p>}
          <button type="button" className={areaId === undefined ? 'tree-label selected' : 'tree-label'} onClick={() => setAreaId(undefined)}>
            {t('allUnits')}
          </button>
          {tree.error && <ErrorNotice error={tree.error} onRetry={() => void tree.refetch()} />}
          {tree.isPending ? <p className="loading">{t('loading')}</p> : tree.data && <AreaTree roots={tree.data.roots} selectedId={areaId} onSelect={setAreaId} />}
        </nav>
        <UnitTable areaId={areaId} areaName={tree.data ? findName(tree.data.roots, areaId) : undefined} />
      </main>
    </div>
  );
}
