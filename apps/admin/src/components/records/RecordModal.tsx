import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.js';
import { ConfirmModal } from '../ConfirmModal.js';

/** The dialog of a record's form: full screen on a phone; the form is mounted only while it is open. */
export function RecordModal({
  opened,
  onClose,
  title,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const small = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" fullScreen={small}>
      {opened && children}
    </Modal>
  );
}

/** Asks before deleting the record `target` (none: closed). */
export function RecordDeleteModal<T>({
  target,
  title,
  message,
  loading,
  onConfirm,
  onClose,
}: {
  target: T | null;
  title: string;
  message: (target: T) => string;
  loading: boolean;
  onConfirm: (target: T) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <ConfirmModal
      opened={target !== null}
      title={title}
      message={target !== null ? message(target) : ''}
      confirmLabel={t('delete')}
      loading={loading}
      onConfirm={() => target !== null && onConfirm(target)}
      onClose={onClose}
    />
  );
}
