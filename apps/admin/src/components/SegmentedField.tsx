import { SegmentedControl, Text } from '@mantine/core';

/** A choice among a few options, as segments under a label (a SegmentedControl has no label of its own). */
export function SegmentedField<T extends string>({
  id,
  label,
  value,
  onChange,
  data,
}: {
  /** The label's id, which names the control for screen readers. */
  id: string;
  label: string;
  value: T;
  onChange: (value: T) => void;
  data: { value: T; label: string }[];
}) {
  return (
    <>
      <Text size="sm" fw={500} mb={4} id={id}>
        {label}
      </Text>
      <SegmentedControl
        className="no-print"
        aria-labelledby={id}
        fullWidth
        value={value}
        onChange={onChange}
        data={data}
      />
      {/* on paper, the choice as text: a segmented control prints every option alike */}
      <Text size="sm" className="print-only">
        {data.find((d) => d.value === value)?.label ?? ''}
      </Text>
    </>
  );
}
