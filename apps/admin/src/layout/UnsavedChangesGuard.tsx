import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useI18n } from '../i18n.js';

/**
 * Asks before leaving a page with unsaved changes: a dialog for a link of the SPA, the browser's own
 * question for a reload or a closed tab. (The draft stays in the tab's session storage either way; this
 * says that it has not been saved to the server.)
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const { t } = useI18n();
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => current.pathname !== next.pathname,
    enableBeforeUnload: when,
    disabled: !when,
    withResolver: true,
  });
  return (
    <Modal opened={blocker.status === 'blocked'} onClose={() => blocker.reset?.()} title={t('unsavedChanges')} centered>
      <Text size="sm" mb="md" data-testid="unsaved-changes-prompt">
        {t('wf_leaveUnsaved')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.proceed?.()}>
          {t('wf_leave')}
        </Button>
        <Button data-autofocus onClick={() => blocker.reset?.()}>
          {t('wf_stay')}
        </Button>
      </Group>
    </Modal>
  );
}
