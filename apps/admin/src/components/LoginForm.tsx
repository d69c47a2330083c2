import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText } from '../errors.js';
import { useI18n } from '../i18n.js';
import { useTRPC } from '../trpc.js';

export function LoginForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, language } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password });
  };
  return (
    <main className="login">
      <form className="panel login-form" onSubmit={submit} aria-labelledby="login-heading" noValidate>
        <h1 id="login-heading">{t('appTitle')}</h1>
        <p className="muted">{t('appSubtitle')}</p>
        <label className="field">
          <span>{t('username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {login.error && (
          <div className="notice notice-error" role="alert">
            {errorText(login.error, language)}
          </div>
        )}
        <button type="submit" className="primary" disabled={login.isPending || !username || !password}>
          {login.isPending ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
