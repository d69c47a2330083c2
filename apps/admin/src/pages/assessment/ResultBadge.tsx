import type { RecognitionResult } from '@antoan/core';
import { Badge } from '@mantine/core';

const COLOURS: Record<RecognitionResult, string> = {
  DAT: 'teal',
  CHUA_DAT: 'red',
  NOT_REGISTERED: 'gray',
  EXCLUDED: 'gray',
};

export function ResultBadge({
  result,
  label,
  size = 'md',
}: {
  result: RecognitionResult;
  label: string;
  size?: 'md' | 'lg' | 'xl';
}) {
  return (
    <Badge color={COLOURS[result]} size={size} variant={result === 'DAT' ? 'filled' : 'light'} data-result={result}>
      {label}
    </Badge>
  );
}
