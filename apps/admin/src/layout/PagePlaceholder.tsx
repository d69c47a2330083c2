import { Text } from '@mantine/core';

/** A page still being built (replaced before release). */
export function PagePlaceholder() {
  return <Text c="dimmed">…</Text>;
}
