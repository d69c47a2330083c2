import { NumberInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';

/**
 * A score box: keeps what is typed ("2," on the way to "2,5") and reports a number, or null when empty.
 * Vietnamese users type a decimal comma; a dot works too.
 */
export function ScoreInput({
  label,
  value,
  max,
  readOnly,
  error,
  onChange,
  testId,
}: {
  label: string;
  value: number | null;
  max: number;
  readOnly: boolean;
  error: string | undefined;
  onChange: (value: number | null) => void;
  testId: string;
}) {
  const { language } = useI18n();
  const [text, setText] = useState<string | number>(value ?? '');
  const [previous, setPrevious] = useState(value);
  if (previous !== value) {
    // A value set from outside (a reload, a discarded draft) replaces what is shown.
    setPrevious(value);
    const shown = typeof text === 'number' ? text : text.trim() === '' ? null : Number(text.replace(',', '.'));
    if (shown !== value) setText(value ?? '');
  }
  return (
    <NumberInput
      aria-label={label}
      size="xs"
      w={104}
      value={text}
      min={0}
      max={max}
      step={0.5}
      decimalScale={2}
      decimalSeparator={language === 'vi' ? ',' : '.'}
      allowNegative={false}
      clampBehavior="none"
      hideControls={readOnly}
      readOnly={readOnly}
      error={error}
      data-testid={testId}
      onChange={(next) => {
        setText(next);
        if (typeof next === 'number') onChange(next);
        else if (next.trim() === '') onChange(null);
      }}
    />
  );
}
