import { Alert, Button, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { errorText } from '../errors.js';
import { useI18n } from '../i18n.js';
import { AnchorLink } from '../lib/links.js';
import { useTRPC } from '../trpc.js';

/** A page's content while its first query loads. */
export function LoadingBlock({ height = 240 }: { height?: number }) {
  const { t } = useI18n();
  return (
    <Stack aria-busy="true">
      <Skeleton h={28} w="40%" />
      <Skeleton h={height} />
      <Loader size="sm" aria-label={t('loading')} />
    </Stack>
  );
}

/**
 * A failed query: the server's message in the user's language and a retry button, which shows that it is
 * retrying (the same error coming back at once otherwise looks like a button that does nothing).
 */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  const { t, language } = useI18n();
  const [retrying, setRetrying] = useState(false);
  const retry = async () => {
    setRetrying(true);
    try {
      await onRetry();
    } finally {
      setRetrying(false);
    }
  };
  return (
    <Alert color="red" role="alert" title={t('error')}>
      {errorText(error, language)}
      <div>
        <Button mt="sm" size="xs" variant="white" color="red" onClick={() => void retry()} loading={retrying}>
          {t('retry')}
        </Button>
      </div>
    </Alert>
  );
}

/** An empty list, said in a sentence. */
export function EmptyText({ children }: { children: string }) {
  return (
    <Text c="dimmed" py="md" data-testid="empty-state">
      {children}
    </Text>
  );
}

/**
 * Wraps a page of area figures: a unit reporter (who has no area) is told where their work is instead of
 * meeting the server's refusal. Their navigation does not offer these pages; this covers a typed address.
 */
export function AreaPageOnly({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const { t } = useI18n();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.data?.role !== 'unit_reporter') return children;
  return (
    <Alert color="blue" role="status">
      <Text size="sm">{t('acc_notForRole')}</Text>
      {me.data.unitId !== null && (
        <AnchorLink to="/units/$unitId" params={{ unitId: me.data.unitId }} size="sm">
          {t('nav_myUnit')}
        </AnchorLink>
      )}
    </Alert>
  );
}
