import { Badge, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError } from '../errors.js';
import { useI18n } from '../i18n.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { EmptyText, LoadingBlock, QueryError } from '../components/QueryStates.js';

type Notification = RouterOutputs['inbox']['list']['items'][number];

const LIMIT = 200;

/** The signed-in user's reminders and notifications, newest first; each can be marked read. */
export function InboxPage() {
  const trpc = useTRPC();
  const { t, formatNumber } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useQuery(trpc.inbox.list.queryOptions({ unreadOnly, limit: LIMIT }));

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('inbox')}</Title>
          {inbox.data && (
            <Text size="sm" c="dimmed" data-testid="inbox-unread">
              {t('rec_unreadCount', { count: formatNumber(inbox.data.unread) })}
            </Text>
          )}
        </div>
        <Switch label={t('unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
      </Group>
      {inbox.isPending ? (
        <LoadingBlock />
      ) : inbox.error ? (
        <QueryError error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <EmptyText>{unreadOnly ? t('rec_noUnread') : t('noNotifications')}</EmptyText>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('inbox')}>
          {inbox.data.items.map((n) => (
            <NotificationCard key={n.id} notification={n} />
          ))}
          {inbox.data.items.length === LIMIT && (
            <Text size="sm" c="dimmed">
              {t('rec_inboxLimit', { count: LIMIT })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function NotificationCard({ notification: n }: { notification: Notification }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language, formatDateTime } = useI18n();
  const markRead = useMutation(
    trpc.inbox.markRead.mutationOptions({
      // The list and the unread badge of the menu.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() }),
      onError: (error) => notifyError(error, language),
    }),
  );
  const unread = n.readAt === null;
  return (
    <Card
      withBorder
      component="li"
      padding="sm"
      bg={unread ? 'blue.0' : undefined}
      data-testid="notification"
      data-unread={unread || undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Text fw={unread ? 700 : 500}>{l(n.title)}</Text>
            {unread && (
              <Badge size="xs" variant="filled">
                {t('rec_unread')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(n.createdAt)}
            {n.readAt ? ` · ${t('rec_readAt', { date: formatDateTime(n.readAt) })}` : ''}
          </Text>
        </div>
        {unread && (
          <Button
            size="xs"
            variant="light"
            onClick={() => markRead.mutate({ notificationId: n.id })}
            loading={markRead.isPending}
            aria-label={`${t('markRead')}: ${l(n.title)}`}
          >
            {t('markRead')}
          </Button>
        )}
      </Group>
      <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {l(n.body)}
      </Text>
    </Card>
  );
}
