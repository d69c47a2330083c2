import { changePasswordInputSchema, MIN_PASSWORD_LENGTH } from '@antoan/core';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { errorText, fieldErrorsOf, httpStatusOf, notifySuccess } from '../errors.js';
import { useI18n } from '../i18n.js';
import { schemaErrors } from '../components/validate.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { LanguageSwitch } from './LoginPage.js';

/**
 * Changes one's own password: the current one (or the one-time one), the new one twice. Checked with the
 * server's schema before sending; the server's errors show beside the fields. On success `auth.me` is read
 * again (which, after a forced change, opens the workspace).
 */
export function PasswordForm({ oneTime = false }: { oneTime?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, language } = useI18n();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [submitted, setSubmitted] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        setValues({ currentPassword: '', newPassword: '', repeat: '' });
        setSubmitted(false);
        notifySuccess(t('acc_passwordChanged'));
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  const input = { currentPassword: values.currentPassword, newPassword: values.newPassword };
  const clientErrors = schemaErrors(changePasswordInputSchema, input, language);
  if (!values.currentPassword) clientErrors.currentPassword = t('required');
  if (!values.newPassword) clientErrors.newPassword = t('required');
  if (values.repeat !== values.newPassword) clientErrors.repeat = t('acc_passwordsDiffer');
  const serverErrors = change.error ? fieldErrorsOf(change.error, language) : {};
  const errors = submitted ? { ...serverErrors, ...clientErrors } : serverErrors;
  const otherError =
    change.error && Object.keys(serverErrors).length === 0 && httpStatusOf(change.error) !== 401 ? change.error : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(clientErrors).length > 0) {
      // The first field in error gets the focus, so a keyboard user lands where the problem is.
      const first = ['currentPassword', 'newPassword', 'repeat'].find((name) => clientErrors[name]);
      event.currentTarget.querySelector<HTMLInputElement>(`input[name="${first}"]`)?.focus();
      return;
    }
    change.mutate(input);
  };
  const set = (key: keyof typeof values) => (e: ChangeEvent<HTMLInputElement>) => {
    const next = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: next }));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('acc_changePassword')}>
      <Stack maw={420}>
        <PasswordInput
          label={oneTime ? t('acc_oneTimePasswordField') : t('acc_currentPassword')}
          name="currentPassword"
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword}
          autoFocus={oneTime}
        />
        <PasswordInput
          label={t('acc_newPassword')}
          description={t('acc_newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          name="newPassword"
          autoComplete="new-password"
          required
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
        />
        <PasswordInput
          label={t('acc_repeatPassword')}
          name="repeat"
          autoComplete="new-password"
          required
          value={values.repeat}
          onChange={set('repeat')}
          error={errors.repeat}
        />
        {otherError && (
          <Alert color="red" role="alert">
            {errorText(otherError, language)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('acc_changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * What a user holding a one-time password sees instead of the workspace: the server refuses everything else
 * until the password is changed.
 */
export function ForcedPasswordChange({
  user,
  onSignOut,
}: {
  user: NonNullable<RouterOutputs['auth']['me']>;
  onSignOut: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        onSignOut();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
      },
    }),
  );
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={480} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            {t('acc_mustChangeTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('acc_signedInAs', { name: user.displayName, username: user.username })}
          </Text>
          <Alert color="blue" role="status">
            {t('acc_mustChangeText')}
          </Alert>
          <PasswordForm oneTime />
          <Group justify="space-between">
            <LanguageSwitch />
            <Button variant="subtle" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('signOut')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
