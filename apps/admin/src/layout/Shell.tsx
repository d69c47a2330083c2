import { ROLE_LABELS } from '@antoan/core';
import { AppShell, Badge, Burger, Button, Group, Select, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useI18n } from '../i18n.js';
import { AnchorLink, NavLinkLink } from '../lib/links.js';
import { useScope } from '../lib/scope.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { AreaPicker } from './AreaPicker.js';
import { LanguageSwitch } from './LoginPage.js';
import { useNavigation } from './navigation.js';

export function Shell({ user, onSignOut }: { user: NonNullable<RouterOutputs['auth']['me']>; onSignOut: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the md breakpoint (62em) the navbar is off screen unless opened: it must then leave the Tab order.
  const narrow = useMediaQuery('(max-width: 61.99em)') ?? false;
  const { year, years, setYear } = useScope();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const navigation = useNavigation(user.role);
  const unread = useQuery({ ...trpc.inbox.list.queryOptions({ unreadOnly: true, limit: 1 }), refetchInterval: 60_000 });
  const unreadCount = unread.data?.unread ?? 0;
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
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && opened && narrow) {
          close();
          document.getElementById('main-menu-burger')?.focus();
        }
      }}
    >
      <a
        href="#main-content"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              id="main-menu-burger"
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
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
            {user.role !== 'unit_reporter' && <AreaPicker />}
            <Select
              aria-label={t('year')}
              w={96}
              allowDeselect={false}
              value={year === undefined ? null : String(year)}
              // A year typed in the address (one without files yet) is shown too, not a blank box.
              data={(year === undefined || years.includes(year) ? years : [...years, year].sort((a, b) => b - a)).map(
                String,
              )}
              onChange={(value) => value && setYear(Number(value))}
            />
            <LanguageSwitch />
            <AnchorLink
              to="/account"
              size="sm"
              visibleFrom="lg"
              title={`${t('nav_account')}: ${l(ROLE_LABELS[user.role])}`}
            >
              {user.displayName}
            </AnchorLink>
            <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        component="nav"
        id="main-navigation"
        aria-label={t('mainNavigation')}
        inert={narrow && !opened}
      >
        {user.role === 'unit_reporter' && user.unitId !== null && (
          <NavLinkLink
            to="/units/$unitId"
            params={{ unitId: user.unitId }}
            label={t('nav_myUnit')}
            active={pathname.startsWith(`/units/${user.unitId}`)}
            onClick={close}
          />
        )}
        {navigation.map((item) => (
          <NavLinkLink
            key={item.to}
            to={item.to}
            label={t(item.label)}
            active={item.to === '/' ? pathname === '/' : pathname.startsWith(item.to)}
            onClick={close}
            rightSection={
              item.to === '/inbox' && unreadCount > 0 ? (
                <Badge size="sm" circle aria-label={String(unreadCount)}>
                  {unreadCount}
                </Badge>
              ) : undefined
            }
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
