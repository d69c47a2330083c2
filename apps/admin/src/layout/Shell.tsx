import { ROLE_LABELS } from '@antoan/core';
import { AppShell, Badge, Burger, Button, Group, Select, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useI18n, type MessageKey } from '../i18n.js';
import { NavLinkLink } from '../lib/links.js';
import { useScope } from '../lib/scope.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { AreaPicker } from './AreaPicker.js';
import { LanguageSwitch } from './LoginPage.js';

type NavPath = '/' | '/units' | '/models' | '/awards' | '/incidents' | '/reports' | '/inbox' | '/import';
const NAV: { to: NavPath; label: MessageKey }[] = [
  { to: '/', label: 'nav_dashboard' },
  { to: '/units', label: 'nav_units' },
  { to: '/models', label: 'nav_models' },
  { to: '/awards', label: 'nav_awards' },
  { to: '/incidents', label: 'nav_incidents' },
  { to: '/reports', label: 'nav_reports' },
  { to: '/inbox', label: 'nav_inbox' },
  { to: '/import', label: 'nav_import' },
];

export function Shell({ user, onSignOut }: { user: NonNullable<RouterOutputs['auth']['me']>; onSignOut: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { year, years, setYear } = useScope();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const unread = useQuery({ ...trpc.inbox.list.queryOptions({ unreadOnly: true, limit: 1 }), refetchInterval: 60_000 });
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        onSignOut();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0]?.toString() !== 'auth,me' });
      },
    }),
  );

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('openMenu')} />
            <div>
              <Title order={1} size="h4" lh={1.1}>
                {t('appTitle')}
              </Title>
              <Text size="xs" c="dimmed" visibleFrom="sm">
                {t('appSubtitle')}
              </Text>
            </div>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <AreaPicker />
            <Select
              aria-label={t('year')}
              w={96}
              allowDeselect={false}
              value={year === undefined ? null : String(year)}
              data={years.map(String)}
              onChange={(value) => value && setYear(Number(value))}
            />
            <LanguageSwitch />
            <Text size="sm" visibleFrom="lg" title={l(ROLE_LABELS[user.role])}>
              {user.displayName}
            </Text>
            <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('mainNavigation')}>
        {NAV.map((item) => (
          <NavLinkLink
            key={item.to}
            to={item.to}
            label={t(item.label)}
            active={item.to === '/' ? pathname === '/' : pathname.startsWith(item.to)}
            onClick={close}
            rightSection={
              item.to === '/inbox' && (unread.data?.unread ?? 0) > 0 ? (
                <Badge size="sm" circle aria-label={String(unread.data!.unread)}>
                  {unread.data!.unread}
                </Badge>
              ) : undefined
            }
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
