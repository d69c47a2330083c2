import { UNIT_TYPE_LABELS, UNIT_TYPES, type UnitType } from '@antoan/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useI18n } from '../i18n.js';
import { useTRPC } from '../trpc.js';
import { ErrorNotice } from './ErrorNotice.js';

const PAGE_SIZE = 50;

export function UnitTable({ areaId, areaName }: { areaId: number | undefined; areaName: string | undefined }) {
  const trpc = useTRPC();
  const { t, language, formatNumber } = useI18n();
  const [search, setSearch] = useState('');
  const [type, setType] = useState<UnitType | ''>('');
  const deferredSearch = useDeferredValue(search.trim());
  // A new area, search or type starts again at page 1.
  const filterKey = JSON.stringify([areaId, deferredSearch, type]);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const setPage = (next: number) => setPaging({ filterKey, page: next });

  const query = useQuery({
    ...trpc.units.list.queryOptions({
      areaId,
      search: deferredSearch || undefined,
      types: type ? [type] : undefined,
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / PAGE_SIZE)) : 1;

  return (
    <section className="panel units" aria-labelledby="units-heading">
      <h2 id="units-heading">
        {t('units')}
        {areaName ? ` — ${areaName}` : ` — ${t('allUnits')}`}
      </h2>
      <div className="filters">
        <label>
          <span className="visually-hidden">{t('searchUnits')}</span>
          <input
            type="search"
            placeholder={t('searchUnits')}
            value={search}
            maxLength={200}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label>
          <span className="visually-hidden">{t('type')}</span>
          <select value={type} onChange={(e) => setType(e.target.value as UnitType | '')}>
            <option value="">{t('allTypes')}</option>
            {UNIT_TYPES.map((code) => (
              <option key={code} value={code}>
                {code} — {UNIT_TYPE_LABELS[code][language]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.error && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending ? (
        <p className="loading" aria-live="polite">
          {t('loading')}
        </p>
      ) : query.data && query.data.items.length === 0 ? (
        <p className="empty">{t('noUnits')}</p>
      ) : query.data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('type')}</th>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('managingLevel')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((unit) => (
                <tr key={unit.id}>
                  <td>{unit.name}</td>
                  <td title={UNIT_TYPE_LABELS[unit.type][language]}>
                    <span className={`badge badge-${unit.type}`}>{unit.type}</span> {UNIT_TYPE_LABELS[unit.type][language]}
                  </td>
                  <td className="mono">{unit.code}</td>
                  <td>{t(`level_${unit.managingLevel}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="pagination">
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              ‹ {t('previous')}
            </button>
            <span aria-live="polite">
              {t('pageOf', { page, pages, total: formatNumber(query.data.total) })}
            </span>
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('next')} ›
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
