import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { useI18n } from '../i18n.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a typed date as Vietnamese administration writes it, day first: `31/10/2021`, `31.10.2021`,
 * `31-10-2021` (or ISO `2021-10-31`). Anything else, or a day that does not exist, is not a date yet: the
 * browser's own parser would read `3/1/2` as 1 March 2002 while the user is still typing.
 */
export function parseVietnameseDate(text: string): string | null {
  const trimmed = text.trim();
  let d: number, m: number, y: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** An ISO date `YYYY-MM-DD`, or null. */
  value: string | null;
  onChange: (value: string | null) => void;
};

/**
 * A date typed or picked as dd/mm/yyyy, kept as an ISO date. A typed text that is no date ("32/13/2026") stays
 * as typed and says so ("Ngày không hợp lệ"), instead of being cleared and then called missing; the form
 * sees no date (null) meanwhile, so it cannot save the previous one by mistake.
 */
export function DateField({ value, onChange, popoverProps, onBlur, error, ...rest }: Props) {
  const { t } = useI18n();
  // While the calendar is open, Escape closes it and not the dialog around the field.
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [invalid, setInvalid] = useState(false);
  return (
    <DateInput
      data-mantine-stop-propagation={calendarOpen ? 'true' : undefined}
      valueFormat="DD/MM/YYYY"
      placeholder="dd/mm/yyyy"
      dateParser={parseVietnameseDate}
      fixOnBlur={false}
      value={value}
      onChange={(next) => {
        setInvalid(false);
        onChange(next ? next.slice(0, 10) : null);
      }}
      onBlur={(event) => {
        const text = event.currentTarget.value.trim();
        const bad = text !== '' && parseVietnameseDate(text) === null;
        setInvalid(bad);
        if (bad && value !== null) onChange(null);
        onBlur?.(event);
      }}
      error={invalid ? t('invalidDate') : error}
      popoverProps={{
        withinPortal: true,
        // Above the field (below it when there is no room): a form's date is often its last field, and a
        // calendar opened below covered the dialog's Lưu / Hủy while the date was typed.
        position: 'top-start',
        ...popoverProps,
        onOpen: () => setCalendarOpen(true),
        onClose: () => setCalendarOpen(false),
      }}
      {...rest}
    />
  );
}
