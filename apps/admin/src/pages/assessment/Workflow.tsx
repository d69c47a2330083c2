import { CYCLE_STATUS_LABELS, cycleActionNeedsNote, type CycleAction } from '@antoan/core';
import { Button, Card, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, notifyError, notifySuccess, notifyUnlessFieldErrors } from '../../errors.js';
import { useI18n, type MessageKey } from '../../i18n.js';
import { useTRPC, type RouterOutputs } from '../../trpc.js';
import { DateField } from '../../components/DateField.js';

type File = RouterOutputs['assessments']['get'];

type FormKind = 'decision' | 'rejection' | 'revocation' | 'note' | 'confirm';

/**
 * Actions that need more than a click: a decision (a refusal has no certificate to number), a revocation, a
 * note, or a confirmation (completing the self-assessment and submitting hand the file to the next level).
 */
const NEEDS_FORM: Partial<Record<CycleAction, FormKind>> = {
  recognise: 'decision',
  reject: 'rejection',
  revoke: 'revocation',
  return: 'note',
  reopen: 'note',
  appraise: 'note',
  selfAssess: 'confirm',
  submit: 'confirm',
};

/** The cycle's buttons: only the transitions the user's role allows now (the server says which). */
export function Workflow({ file, dirty }: { file: File & { record: NonNullable<File['record']> }; dirty: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language } = useI18n();
  const [action, setAction] = useState<CycleAction | null>(null);
  const actionForm = action ? NEEDS_FORM[action] : undefined;
  const [unlocking, setUnlocking] = useState(false);
  const record = file.record;
  const invalidate = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.assessments.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
  };
  const transition = useMutation(
    trpc.assessments.transition.mutationOptions({
      onSuccess: async (after) => {
        setAction(null);
        notifySuccess(t('actionDone', { status: l(CYCLE_STATUS_LABELS[after.status]) }));
        await invalidate();
      },
      onError: (error) => notifyUnlessFieldErrors(error, language),
    }),
  );
  const setLocked = useMutation(
    trpc.assessments.setLocked.mutationOptions({
      onSuccess: async () => {
        setUnlocking(false);
        await invalidate();
      },
      onError: (error) => notifyError(error, language),
    }),
  );
  const actions = file.actions.filter((a) => a !== 'register');
  const run = (a: CycleAction) => {
    if (NEEDS_FORM[a]) setAction(a);
    else transition.mutate({ unitId: file.unit.id, year: record.year, version: record.version, action: a });
  };

  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('workflow')}
      </Title>
      {record.isLocked && (
        <Text size="sm" mb="xs">
          {t('locked')}
        </Text>
      )}
      {record.decided && (
        <Text size="sm" mb="xs">
          {t('decision')}: {record.decided.number} — {record.decided.authority}
          {record.decided.certificateNumber ? ` · ${record.decided.certificateNumber}` : ''}
        </Text>
      )}
      {dirty && actions.length > 0 && (
        <Text size="xs" c="orange.8" mb="xs">
          {t('unsavedChanges')}
        </Text>
      )}
      <Group gap="xs">
        {actions.length === 0 && !file.canUnlock && (
          <Text size="sm" c="dimmed">
            {t('noActions')}
          </Text>
        )}
        {actions.map((a) => (
          <Button
            key={a}
            size="xs"
            variant={a === 'recognise' || a === 'submit' || a === 'selfAssess' ? 'filled' : 'default'}
            color={a === 'reject' || a === 'revoke' ? 'red' : undefined}
            disabled={dirty || transition.isPending}
            onClick={() => run(a)}
          >
            {t(`action_${a}` as MessageKey)}
          </Button>
        ))}
        {file.canUnlock && (
          <Button size="xs" variant="default" onClick={() => setUnlocking(true)}>
            {t('unlock')}
          </Button>
        )}
      </Group>
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? t(`action_${action}` as MessageKey) : ''}
      >
        {action && actionForm && (
          <ActionForm
            kind={actionForm}
            noteRequired={cycleActionNeedsNote(action)}
            confirmText={
              Object.keys(record.answers).length === 0
                ? t('wf_emptyFile', { action: t(`action_${action}` as MessageKey) })
                : t('wf_confirm', {
                    action: t(`action_${action}` as MessageKey),
                    unit: file.unit.name,
                    year: record.year,
                  })
            }
            pending={transition.isPending}
            errors={transition.error ? fieldErrorsOf(transition.error, language) : {}}
            onCancel={() => setAction(null)}
            onSubmit={(extra) =>
              transition.mutate({ unitId: file.unit.id, year: record.year, version: record.version, action, ...extra })
            }
          />
        )}
      </Modal>
      <Modal opened={unlocking} onClose={() => setUnlocking(false)} title={t('unlock')}>
        <ReasonForm
          label={t('unlockReason')}
          pending={setLocked.isPending}
          onCancel={() => setUnlocking(false)}
          onSubmit={(reason) =>
            setLocked.mutate({
              unitId: file.unit.id,
              year: record.year,
              version: record.version,
              isLocked: false,
              reason,
            })
          }
        />
      </Modal>
    </Card>
  );
}

type Extra = {
  note?: string | null;
  decision?: { number: string; date: string; authority: string; certificateNumber: string | null };
  revocation?: { reason: string; document: string };
};

function ActionForm({
  kind,
  noteRequired,
  confirmText,
  pending,
  errors,
  onCancel,
  onSubmit,
}: {
  kind: FormKind;
  /** The action needs its reason (core's cycleActionNeedsNote): the note is marked and asked for. */
  noteRequired: boolean;
  confirmText: string;
  pending: boolean;
  errors: Record<string, string>;
  onCancel: () => void;
  onSubmit: (extra: Extra) => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    number: '',
    date: null as string | null,
    authority: '',
    certificateNumber: '',
    reason: '',
    document: '',
    note: '',
  });
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const set = (key: keyof typeof values) => (value: string | null) => setValues((v) => ({ ...v, [key]: value ?? '' }));
  const required: (keyof typeof values)[] =
    kind === 'decision' || kind === 'rejection'
      ? ['number', 'date', 'authority']
      : kind === 'revocation'
        ? ['reason', 'document']
        : noteRequired
          ? ['note']
          : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = Object.fromEntries(required.map((k) => [k, !values[k] || !String(values[k]).trim()]));
    setMissing(gaps);
    if (Object.values(gaps).some(Boolean)) return;
    if (kind === 'confirm') {
      onSubmit({});
    } else if (kind === 'decision' || kind === 'rejection') {
      if (values.date === null) return; // a required field: reported above
      const certificateNumber = kind === 'decision' ? values.certificateNumber.trim() || null : null;
      onSubmit({
        decision: {
          number: values.number.trim(),
          date: values.date,
          authority: values.authority.trim(),
          certificateNumber,
        },
      });
    } else if (kind === 'revocation') {
      onSubmit({ revocation: { reason: values.reason.trim(), document: values.document.trim() } });
    } else {
      onSubmit({ note: values.note.trim() || null });
    }
  };
  const err = (key: string, path: string) => (missing[key] ? t('required') : errors[path]);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {kind === 'confirm' && (
          <Text size="sm" data-testid="workflow-confirm">
            {confirmText}
          </Text>
        )}
        {(kind === 'decision' || kind === 'rejection') && (
          <>
            <TextInput
              label={t('decisionNumber')}
              required
              data-autofocus
              value={values.number}
              onChange={(e) => set('number')(e.currentTarget.value)}
              error={err('number', 'decision.number')}
              placeholder="45/QĐ-UBND"
            />
            <DateField
              label={t('decisionDate')}
              required
              value={values.date || null}
              onChange={set('date')}
              error={err('date', 'decision.date')}
            />
            <TextInput
              label={t('decisionAuthority')}
              required
              value={values.authority}
              onChange={(e) => set('authority')(e.currentTarget.value)}
              error={err('authority', 'decision.authority')}
            />
            {kind === 'decision' && (
              <TextInput
                label={t('certificateNumber')}
                value={values.certificateNumber}
                onChange={(e) => set('certificateNumber')(e.currentTarget.value)}
                error={errors['decision.certificateNumber']}
              />
            )}
          </>
        )}
        {kind === 'revocation' && (
          <>
            <Textarea
              label={t('revokeReason')}
              required
              data-autofocus
              value={values.reason}
              onChange={(e) => set('reason')(e.currentTarget.value)}
              error={err('reason', 'revocation.reason')}
            />
            <TextInput
              label={t('revokeDocument')}
              required
              value={values.document}
              onChange={(e) => set('document')(e.currentTarget.value)}
              error={err('document', 'revocation.document')}
            />
          </>
        )}
        {kind === 'note' && (
          <Textarea
            label={t('note')}
            withAsterisk={noteRequired}
            data-autofocus
            value={values.note}
            onChange={(e) => set('note')(e.currentTarget.value)}
            maxLength={2000}
            error={err('note', 'note')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={pending} data-autofocus={kind === 'confirm' || undefined}>
            {kind === 'confirm' ? t('wf_confirmButton') : t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReasonForm({
  label,
  pending,
  onCancel,
  onSubmit,
}: {
  label: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        onSubmit(reason.trim());
      }}
      noValidate
    >
      <Stack>
        <Textarea
          label={label}
          required
          data-autofocus
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing ? t('required') : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
