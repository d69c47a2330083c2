import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText } from '../errors.js';
import { useI18n } from '../i18n.js';
import { useTRPC } from '../trpc.js';

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <SegmentedControl
      aria-label={t('language')}
      size="xs"
      value={language}
      onChange={(value) => setLanguage(value)}
      data={[
        { value: 'vi', label: 'Tiếng Việt' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}

export function LoginPage({ expired }: { expired: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, language } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      // Everything cached belongs to the previous session: fetch again as the new user.
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { username: !username.trim(), password: !password };
    setMissing(next);
    if (next.username || next.password) return;
    login.mutate({ username: username.trim(), password });
  };
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={submit} aria-labelledby="login-heading" noValidate>
          <Stack>
            <div>
              <Title id="login-heading" order={1} size="h2">
                {t('appTitle')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('appSubtitle')}
              </Text>
            </div>
            {expired && (
              <Alert color="yellow" role="status">
                {t('sessionExpired')}
              </Alert>
            )}
            <TextInput
              label={t('username')}
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              error={missing.username ? t('required') : undefined}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              error={missing.password ? t('required') : undefined}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {login.error && (
              <Alert color="red" role="alert">
                {errorText(login.error, language)}
              </Alert>
            )}
            <Button type="submit" loading={login.isPending}>
              {t('signIn')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
