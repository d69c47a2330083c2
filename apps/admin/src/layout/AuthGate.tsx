import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { createContext, useContext, useState } from 'react';
import { errorText } from '../errors.js';
import { useI18n } from '../i18n.js';
import { useTRPC } from '../trpc.js';
import { LoginPage } from './LoginPage.js';
import { ForcedPasswordChange } from './PasswordForm.js';
import { Shell } from './Shell.js';

const SignedOutContext = createContext<() => void>(() => undefined);

/** Tells the gate the user signed out on purpose (so the login form does not say the session expired). */
export const useMarkSignedOut = () => useContext(SignedOutContext);

/**
 * Who is signed in decides what is shown: the login form, or the workspace. When a session expires the
 * login form replaces the page; the page's form drafts stay in sessionStorage and come back after sign-in.
 */
export function AuthGate() {
  const trpc = useTRPC();
  const { t, language } = useI18n();
  const me = useQuery(trpc.auth.me.queryOptions());
  // Signed in earlier in this tab and now not: the session expired (a sign-out clears the mark first).
  const [signedInBefore, setSignedInBefore] = useState(false);
  if (me.data && !signedInBefore) setSignedInBefore(true);
  const expired = signedInBefore && me.data === null;
  const navigate = useNavigate();
  // Signing out leaves the area and year of this user behind: the next one to sign in on this tab starts
  // from their own scope (an area outside it would answer every page with a refusal).
  const signedOut = () => {
    setSignedInBefore(false);
    void navigate({ to: '/', search: { area: undefined, year: undefined } });
  };

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  if (me.error) {
    return (
      <Center h="100vh">
        <Stack>
          <Alert color="red" role="alert">
            {errorText(me.error, language)}
          </Alert>
          <Button onClick={() => void me.refetch()}>{t('retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) return <LoginPage expired={expired} />;
  // A one-time password: the server refuses everything else until it is changed.
  if (me.data.mustChangePassword) return <ForcedPasswordChange user={me.data} onSignOut={signedOut} />;
  return (
    <SignedOutContext.Provider value={signedOut}>
      <Shell user={me.data} onSignOut={signedOut} />
    </SignedOutContext.Provider>
  );
}
