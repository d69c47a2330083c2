import { Alert, Button, Group, Text } from '@mantine/core';
import { useI18n } from '../i18n.js';

/** Says a form came back from a kept draft (after a reload or an expired session), with a way to drop it. */
export function DraftNotice({ draft }: { draft: { restored: boolean; clear: () => void } }) {
  const { t } = useI18n();
  if (!draft.restored) return null;
  return (
    <Alert color="blue" role="status">
      <Group justify="space-between">
        <Text size="sm">{t('draftRestored')}</Text>
        <Button size="xs" variant="subtle" onClick={draft.clear}>
          {t('discardDraft')}
        </Button>
      </Group>
    </Alert>
  );
}

/** A modal form's Cancel (which also drops the draft) and Save buttons. */
export function FormActions({ onCancel, saving }: { onCancel: () => void; saving: boolean }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {t('save')}
      </Button>
    </Group>
  );
}
