import {
  assignableRoles,
  can,
  canManageUser,
  compareVietnamese,
  createUserInputSchema,
  endedPlacementMessage,
  foldForSearch,
  ROLE_LABELS,
  ROLES,
  updateUserInputSchema,
  type Role,
} from '@antoan/core';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { fieldErrorsOf, notifyError, notifySuccess, notifyUnlessFieldErrors } from '../errors.js';
import { useI18n } from '../i18n.js';
import { FormActions } from '../layout/FormParts.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { useAreaName } from '../lib/scope.js';
import { AreaSelect, useAreaOptions } from '../components/AreaSelect.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import { EmptyText, LoadingBlock, QueryError } from '../components/QueryStates.js';
import { UnitSelect } from '../components/UnitSelect.js';
import { useUnits } from '../components/useUnits.js';
import { schemaErrors } from '../components/validate.js';

type Account = RouterOutputs['users']['list'][number];
type Me = NonNullable<RouterOutputs['auth']['me']>;

/**
 * The accounts the signed-in user manages (an administrator all, a province officer those of their subtree):
 * search, add, edit role and area, disable or enable, reset a password to a one-time password shown once.
 */
export function UsersPage() {
  const trpc = useTRPC();
  const { t, l, formatNumber, formatDateTime } = useI18n();
  const me = useQuery(trpc.auth.me.queryOptions());
  const users = useQuery(trpc.users.list.queryOptions());
  const { byId: areas } = useAreaOptions();
  const { units } = useUnits(
    useMemo(() => (users.data ?? []).flatMap((u) => (u.unitId === null ? [] : [u.unitId])), [users.data]),
  );
  const scopeName = useAreaName(me.data?.areaId ?? undefined);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  // only the accounts left on an ended area or unit (a reorganisation dissolved it): they need moving
  const [endedOnly, setEndedOnly] = useState(false);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [confirm, setConfirm] = useState<{ kind: 'disable' | 'enable' | 'reset' | 'unlock'; user: Account } | null>(
    null,
  );
  const [oneTime, setOneTime] = useState<{ username: string; password: string } | null>(null);

  const rows = useMemo(() => {
    const folded = foldForSearch(search);
    return (users.data ?? [])
      .filter((u) => role === null || u.role === role)
      .filter((u) => !endedOnly || u.ended !== null)
      .filter((u) => {
        if (!folded) return true;
        const area = u.areaId === null ? '' : (areas.get(u.areaId)?.path ?? '');
        const unit = u.unitId === null ? '' : (units.get(u.unitId)?.name ?? '');
        return foldForSearch(`${u.displayName} ${u.username} ${area} ${unit} ${u.email ?? ''}`).includes(folded);
      })
      .sort((a, b) => compareVietnamese(a.displayName, b.displayName) || a.username.localeCompare(b.username));
  }, [users.data, role, endedOnly, search, areas, units]);

  if (!me.data || users.isPending) return <LoadingBlock />;
  if (users.error) return <QueryError error={users.error} onRetry={() => users.refetch()} />;
  const actor = me.data;
  const endedCount = users.data.filter((u) => u.ended !== null).length;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('acc_usersTitle')}</Title>
          <Text size="sm" c="dimmed">
            {actor.areaId === null ? t('acc_allAccounts') : t('acc_usersScope', { area: scopeName ?? '…' })}
          </Text>
        </div>
        <Button onClick={() => setEditing('new')}>{t('acc_addUser')}</Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('acc_searchUsers')}
          type="search"
          value={search}
          maxLength={200}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={380}
          maw="100%"
        />
        <Select
          label={t('acc_role')}
          placeholder={t('acc_allRoles')}
          clearable
          value={role}
          onChange={(v) => setRole(v)}
          data={ROLES.map((r) => ({
            value: r,
            label: l(ROLE_LABELS[r]),
          }))}
          w={260}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox
          label={t('acc_endedOnly', { count: formatNumber(endedCount) })}
          checked={endedOnly}
          onChange={(e) => setEndedOnly(e.currentTarget.checked)}
          mb={8}
          data-testid="ended-only"
        />
        <Text size="sm" c="dimmed" aria-live="polite" mb={8}>
          {t('rec_shownCount', { shown: formatNumber(rows.length), total: formatNumber(users.data.length) })}
        </Text>
      </Group>
      {endedCount > 0 && !endedOnly && (
        <Alert color="orange" data-testid="ended-accounts-alert">
          {t('acc_endedAlert', { count: formatNumber(endedCount) })}
        </Alert>
      )}
      {rows.length === 0 ? (
        <EmptyText>{users.data.length === 0 ? t('acc_noUsers') : t('rec_noMatch')}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-label={t('acc_usersTitle')} data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('acc_displayName')}</Table.Th>
                <Table.Th>{t('acc_role')}</Table.Th>
                <Table.Th>{t('area')}</Table.Th>
                <Table.Th>{t('acc_status')}</Table.Th>
                <Table.Th className="action-cell">{t('rec_actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => {
                const manageable = canManageUser(actor, u);
                return (
                  <Table.Tr key={u.id} data-username={u.username}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {u.displayName}
                        {u.id === actor.id && ` (${t('acc_you')})`}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {u.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>{l(ROLE_LABELS[u.role])}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {u.areaId === null ? t('wholeScope') : (areas.get(u.areaId)?.name ?? u.areaName ?? '…')}
                      </Text>
                      {u.unitId !== null && (
                        <Text size="xs" c="dimmed">
                          {units.get(u.unitId)?.name ?? u.unitName ?? '…'}
                        </Text>
                      )}
                      {u.ended !== null && (
                        <Text
                          size="xs"
                          fw={600}
                          c="red.8"
                          bg="red.0"
                          mt={4}
                          px={6}
                          py={2}
                          maw={320}
                          style={{ borderRadius: 4 }}
                          data-testid="placement-ended"
                        >
                          {l(endedPlacementMessage(u.ended))}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {u.isDisabled ? (
                        <Badge color="gray">{t('acc_disabled')}</Badge>
                      ) : u.mustChangePassword ? (
                        <Badge color="yellow" variant="light">
                          {t('acc_pendingChange')}
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light">
                          {t('acc_active')}
                        </Badge>
                      )}
                      {u.lockedUntil !== null && (
                        <Badge color="red" variant="light" mt={4} display="block" data-testid="sign-in-lock">
                          {t('acc_lockedUntil', { time: formatDateTime(u.lockedUntil) })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td className="action-cell">
                      {manageable && (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setEditing(u)}
                            aria-label={`${t('edit')}: ${u.username}`}
                          >
                            {t('edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setConfirm({ kind: 'reset', user: u })}
                            aria-label={`${t('acc_resetPassword')}: ${u.username}`}
                          >
                            {t('acc_resetPassword')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color={u.isDisabled ? 'teal' : 'red'}
                            onClick={() => setConfirm({ kind: u.isDisabled ? 'enable' : 'disable', user: u })}
                            aria-label={`${u.isDisabled ? t('acc_enable') : t('acc_disable')}: ${u.username}`}
                          >
                            {u.isDisabled ? t('acc_enable') : t('acc_disable')}
                          </Button>
                          {u.lockedUntil !== null && can(actor.role, 'users.unlock') && (
                            <Button
                              size="xs"
                              variant="light"
                              color="orange"
                              onClick={() => setConfirm({ kind: 'unlock', user: u })}
                              aria-label={`${t('acc_unlock')}: ${u.username}`}
                            >
                              {t('acc_unlock')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <UserModal actor={actor} editing={editing} onClose={() => setEditing(null)} onOneTime={setOneTime} />
      <AccountAction confirm={confirm} onClose={() => setConfirm(null)} onOneTime={setOneTime} />
      <OneTimePasswordModal shown={oneTime} onClose={() => setOneTime(null)} />
    </Stack>
  );
}

/** Disabling, enabling or resetting the password of an account, after a confirmation. */
function AccountAction({
  confirm,
  onClose,
  onOneTime,
}: {
  confirm: { kind: 'disable' | 'enable' | 'reset' | 'unlock'; user: Account } | null;
  onClose: () => void;
  onOneTime: (shown: { username: string; password: string }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, language } = useI18n();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const setDisabled = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSuccess: async (user) => {
        notifySuccess(t(user.isDisabled ? 'acc_userDisabled' : 'acc_userEnabled', { username: user.username }));
        onClose();
        await refresh();
      },
      onError: (error) => notifyError(error, language),
    }),
  );
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: async ({ oneTimePassword }) => {
        if (confirm) onOneTime({ username: confirm.user.username, password: oneTimePassword });
        onClose();
        await refresh();
      },
      onError: (error) => notifyError(error, language),
    }),
  );
  const unlock = useMutation(
    trpc.users.unlock.mutationOptions({
      onSuccess: async () => {
        if (confirm) notifySuccess(t('acc_userUnlocked', { username: confirm.user.username }));
        onClose();
        await refresh();
      },
      onError: (error) => notifyError(error, language),
    }),
  );
  const name = confirm?.user.displayName ?? '';
  const kind = confirm?.kind ?? 'disable';
  const texts = {
    disable: { title: t('acc_disable'), message: t('acc_disableConfirm', { name }) },
    enable: { title: t('acc_enable'), message: t('acc_enableConfirm', { name }) },
    reset: { title: t('acc_resetPassword'), message: t('acc_resetConfirm', { name }) },
    unlock: { title: t('acc_unlock'), message: t('acc_unlockConfirm', { name }) },
  }[kind];
  return (
    <ConfirmModal
      opened={confirm !== null}
      title={texts.title}
      message={texts.message}
      confirmLabel={texts.title}
      loading={setDisabled.isPending || reset.isPending || unlock.isPending}
      onConfirm={() => {
        if (!confirm) return;
        if (confirm.kind === 'reset') reset.mutate({ userId: confirm.user.id });
        else if (confirm.kind === 'unlock') unlock.mutate({ userId: confirm.user.id });
        else setDisabled.mutate({ userId: confirm.user.id, isDisabled: confirm.kind === 'disable' });
      }}
      onClose={onClose}
    />
  );
}

/** The one-time password, shown once, with a copy button; closing it is the only way on. */
function OneTimePasswordModal({
  shown,
  onClose,
}: {
  shown: { username: string; password: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened={shown !== null}
      onClose={onClose}
      title={shown ? t('acc_oneTimeTitle', { username: shown.username }) : ''}
      centered
      closeOnClickOutside={false}
    >
      {shown && (
        <Stack>
          <Text size="sm">{t('acc_oneTimeText')}</Text>
          <Group>
            <Code fz="xl" p="sm" data-testid="one-time-password">
              {shown.password}
            </Code>
            <CopyButton value={shown.password}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy} color={copied ? 'teal' : undefined}>
                  {copied ? t('acc_copied') : t('acc_copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('acc_done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

interface AccountValues {
  username: string;
  displayName: string;
  role: Role | null;
  areaId: number | null;
  unitId: number | null;
  email: string;
}

function UserModal({
  actor,
  editing,
  onClose,
  onOneTime,
}: {
  actor: Me;
  editing: Account | 'new' | null;
  onClose: () => void;
  onOneTime: (shown: { username: string; password: string }) => void;
}) {
  const { t } = useI18n();
  const small = useMediaQuery('(max-width: 48em)');
  // The title stays while the dialog closes (editing is null by then).
  const [isNew, setIsNew] = useState(true);
  if (editing !== null && (editing === 'new') !== isNew) setIsNew(editing === 'new');
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={isNew ? t('acc_addUser') : t('acc_editUser')}
      size="lg"
      fullScreen={small}
    >
      {editing !== null && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          actor={actor}
          account={editing === 'new' ? null : editing}
          onDone={onClose}
          onOneTime={onOneTime}
        />
      )}
    </Modal>
  );
}

/** Creating an account (the server makes its one-time password) or editing one; the username stays. */
function UserForm({
  actor,
  account,
  onDone,
  onOneTime,
}: {
  actor: Me;
  account: Account | null;
  onDone: () => void;
  onOneTime: (shown: { username: string; password: string }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language } = useI18n();
  const [values, setValues] = useState<AccountValues>(() =>
    account
      ? {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          areaId: account.areaId,
          unitId: account.unitId,
          email: account.email ?? '',
        }
      : { username: '', displayName: '', role: null, areaId: actor.areaId, unitId: null, email: '' },
  );
  const [submitted, setSubmitted] = useState(false);
  const set = <K extends keyof AccountValues>(key: K, value: AccountValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const roles = assignableRoles(actor.role);

  const fields = {
    displayName: values.displayName.trim(),
    role: values.role ?? '',
    areaId: values.role === 'admin' ? null : values.areaId,
    unitId: values.role === 'unit_reporter' ? values.unitId : null,
    email: values.email.trim() || null,
  };
  const clientErrors = account
    ? schemaErrors(updateUserInputSchema, { userId: account.id, ...fields }, language)
    : schemaErrors(createUserInputSchema, { username: values.username.trim(), ...fields }, language);
  if (!fields.displayName) clientErrors.displayName = t('required');
  if (!values.role) clientErrors.role = t('required');
  if (!account && !values.username.trim()) clientErrors.username = t('required');

  const onError = (error: unknown) => notifyUnlessFieldErrors(error, language);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        notifySuccess(t('acc_userCreated', { username: user.username }));
        if (user.oneTimePassword) onOneTime({ username: user.username, password: user.oneTimePassword });
        onDone();
        await refresh();
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async (user) => {
        notifySuccess(t('acc_userUpdated', { username: user.username }));
        onDone();
        await refresh();
      },
      onError,
    }),
  );
  const mutation = account ? update : create;
  const serverErrors = mutation.error ? fieldErrorsOf(mutation.error, language) : {};
  const errors = submitted ? { ...serverErrors, ...clientErrors } : serverErrors;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(clientErrors).length > 0) {
      const first = ['username', 'displayName', 'role', 'areaId', 'unitId', 'email'].find((name) => clientErrors[name]);
      event.currentTarget
        .querySelector<HTMLElement>(`[data-field="${first}"] input, input[data-field="${first}"]`)
        ?.focus();
      return;
    }
    const role = values.role;
    if (role === null) return; // refused above: a role is required
    if (account) update.mutate({ userId: account.id, ...fields, role });
    else create.mutate({ username: values.username.trim(), ...fields, role });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={account ? t('acc_editUser') : t('acc_addUser')}>
      <Stack>
        <TextInput
          label={t('username')}
          description={account ? undefined : t('acc_usernameHint')}
          required={!account}
          disabled={account !== null}
          value={values.username}
          onChange={(e) => set('username', e.currentTarget.value.toLowerCase())}
          error={errors.username}
          maxLength={50}
          autoComplete="off"
          data-field="username"
          data-autofocus={account ? undefined : true}
        />
        <TextInput
          label={t('acc_displayName')}
          required
          value={values.displayName}
          onChange={(e) => set('displayName', e.currentTarget.value)}
          error={errors.displayName}
          maxLength={200}
          data-field="displayName"
          data-autofocus={account ? true : undefined}
        />
        <Select
          label={t('acc_role')}
          required
          value={values.role}
          onChange={(v) =>
            setValues((prev) => ({ ...prev, role: v, unitId: v === 'unit_reporter' ? prev.unitId : null }))
          }
          data={roles.map((r) => ({ value: r, label: l(ROLE_LABELS[r]) }))}
          error={errors.role}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          wrapperProps={{ 'data-field': 'role' }}
        />
        {values.role !== 'admin' && (
          <div data-field="areaId">
            <AreaSelect
              label={t('area')}
              description={t('acc_areaHint')}
              required
              value={values.areaId}
              onChange={(areaId) => setValues((v) => ({ ...v, areaId, unitId: areaId === v.areaId ? v.unitId : null }))}
              error={errors.areaId}
            />
          </div>
        )}
        {values.role === 'unit_reporter' && (
          <div data-field="unitId">
            <UnitSelect
              label={t('unit')}
              description={t('acc_unitHint')}
              required
              value={values.unitId}
              areaId={values.areaId ?? undefined}
              // A unit belongs to one area: choosing it sets the account's area to the unit's.
              onChange={(unit) =>
                setValues((v) => ({ ...v, unitId: unit?.id ?? null, areaId: unit?.areaId ?? v.areaId }))
              }
              error={errors.unitId}
            />
          </div>
        )}
        <TextInput
          label={t('acc_email')}
          description={t('acc_emailHint')}
          type="email"
          value={values.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errors.email}
          maxLength={200}
          data-field="email"
        />
        <FormActions onCancel={onDone} saving={mutation.isPending} />
      </Stack>
    </form>
  );
}
