import { Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { DraftNotice, FormActions } from '../../layout/FormParts.js';

/**
 * A record's form in its dialog: the notice of a restored draft, the fields, and Cancel (which drops the
 * draft) and Save. The browser's own validation is off: the fields show the schema's errors.
 */
export function RecordForm({
  label,
  draft,
  onSubmit,
  onDone,
  saving,
  children,
}: {
  label: string;
  draft: { restored: boolean; clear: () => void };
  onSubmit: (event: FormEvent) => void;
  onDone: () => void;
  saving: boolean;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <Stack>
        <DraftNotice draft={draft} />
        {children}
        <FormActions
          onCancel={() => {
            draft.clear();
            onDone();
          }}
          saving={saving}
        />
      </Stack>
    </form>
  );
}
