import { Button, Group, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.js';

/** A record page's title, the line that sums it up, and its main action (for the roles that may write). */
export function RecordHeader({
  title,
  summary,
  summaryTestId,
  action,
}: {
  title: string;
  summary: ReactNode;
  summaryTestId?: string;
  action?: { label: string; onClick: () => void } | undefined;
}) {
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={2}>{title}</Title>
        <Text size="sm" c="dimmed" data-testid={summaryTestId}>
          {summary}
        </Text>
      </div>
      {action && <Button onClick={action.onClick}>{action.label}</Button>}
    </Group>
  );
}

/**
 * The search box over a record table, any filters (`children`) and how many rows of how many are shown, said
 * to screen readers as it changes.
 */
export function RecordSearch({
  label,
  value,
  onChange,
  shown,
  total,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  shown: number;
  total: number;
  children?: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <Group align="flex-end">
      <TextInput
        label={label}
        type="search"
        value={value}
        maxLength={200}
        onChange={(e) => onChange(e.currentTarget.value)}
        w={340}
        maw="100%"
      />
      {children}
      <Text size="sm" c="dimmed" aria-live="polite" mb={8}>
        {t('rec_shownCount', { shown: formatNumber(shown), total: formatNumber(total) })}
      </Text>
    </Group>
  );
}
