import { ROLE_LABELS } from '@antoan/core';
import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError } from '../errors.js';
import { useI18n } from '../i18n.js';
import { useMarkSignedOut } from '../layout/AuthGate.js';
import { PasswordForm } from '../layout/PasswordForm.js';
import { useTRPC } from '../trpc.js';
import { useAreaOptions } from '../components/AreaSelect.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import { LoadingBlock } from '../components/QueryStates.js';
import { useUnits } from '../components/useUnits.js';

/** One's own account: who one is, changing the password, ending every session. */
export function AccountPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language } = useI18n();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { byId: areas } = useAreaOptions();
  const { units } = useUnits(me.data?.unitId ? [me.data.unitId] : []);
  const [confirming, setConfirming] = useState(false);
  const markSignedOut = useMarkSignedOut();
  const everywhere = useMutation(
    trpc.auth.signOutEverywhere.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        markSignedOut();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0]?.toString() !== 'auth,me' });
      },
      onError: (error) => notifyError(error, language),
    }),
  );
  if (!me.data) return <LoadingBlock />;
  const user = me.data;
  const rows: [string, string][] = [
    [t('username'), user.username],
    [t('acc_displayName'), user.displayName],
    [t('acc_role'), l(ROLE_LABELS[user.role])],
    [t('area'), user.areaId === null ? t('wholeScope') : (areas.get(user.areaId)?.path ?? '…')],
  ];
  if (user.unitId !== null) rows.push([t('unit'), units.get(user.unitId)?.name ?? '…']);
  if (user.email) rows.push([t('acc_email'), user.email]);

  return (
    <Stack>
      <Title order={2}>{t('acc_myAccount')}</Title>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0} data-testid="account-details">
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('acc_changePassword')}
        </Title>
        <PasswordForm />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          {t('acc_sessions')}
        </Title>
        <Text size="sm" mb="sm">
          {t('acc_signOutEverywhereHint')}
        </Text>
        <Button color="red" variant="light" onClick={() => setConfirming(true)}>
          {t('acc_signOutEverywhere')}
        </Button>
      </Paper>
      <ConfirmModal
        opened={confirming}
        title={t('acc_signOutEverywhere')}
        message={t('acc_signOutEverywhereConfirm')}
        confirmLabel={t('acc_signOutEverywhere')}
        loading={everywhere.isPending}
        onConfirm={() => everywhere.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
