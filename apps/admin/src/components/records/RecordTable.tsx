import { Table, type TableTdProps, type TableThProps } from '@mantine/core';
import type { Key, ReactNode } from 'react';
import { useI18n } from '../../i18n.js';

/** A column of a record table: its header, and what each row shows in it. */
export interface RecordColumn<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Props of the header cell (alignment, width). */
  th?: TableThProps;
  /** Props of every body cell (alignment, font). */
  td?: TableTdProps;
}

/**
 * The table of a record page (models, awards, incidents, quarterly reports): striped, scrolling sideways on a
 * narrow screen, named for screen readers; `actions`, when given, adds a last column of buttons per row, which
 * stays in view at the right edge while the rest scrolls (a 768 px tablet).
 */
export function RecordTable<T>({
  label,
  testId,
  minWidth,
  rows,
  rowKey,
  columns,
  actions,
}: {
  label: string;
  testId: string;
  minWidth: number;
  rows: readonly T[];
  rowKey: (row: T) => Key;
  columns: readonly RecordColumn<T>[];
  actions?: ((row: T) => ReactNode) | undefined;
}) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover aria-label={label} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, i) => (
              <Table.Th key={i} {...column.th}>
                {column.header}
              </Table.Th>
            ))}
            {actions && <Table.Th aria-label={t('rec_actions')} className="action-cell" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column, i) => (
                <Table.Td key={i} {...column.td}>
                  {column.cell(row)}
                </Table.Td>
              ))}
              {actions && <Table.Td className="action-cell">{actions(row)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
