import { Alert, Button, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { errorText } from '../../errors.js';
import { useI18n } from '../../i18n.js';

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

/** A failed query: the server's message in the user's language and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t, language } = useI18n();
  return (
    <Alert color="red" role="alert" title={t('error')}>
      {errorText(error, language)}
      <div>
        <Button mt="sm" size="xs" variant="white" color="red" onClick={onRetry}>
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
