import { GRADE_LABELS, type GradingResult } from '@antoan/core';
import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import { GRADE_COLORS } from './sheet.js';

/** The bar under the sheet, kept in view: the live total and grade, and the save button. */
export function TotalsBar({
  result,
  canSave,
  dirty,
  saving,
}: {
  result: GradingResult;
  canSave: boolean;
  dirty: boolean;
  saving: boolean;
}) {
  const { t, l, formatNumber } = useI18n();
  return (
    <Paper
      withBorder
      p="sm"
      shadow="sm"
      className="totals-bar"
      style={{ position: 'sticky', bottom: 0, zIndex: 3 }}
      aria-live="polite"
      data-testid="totals-bar"
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="md" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed">
              {t('totalScore')}
            </Text>
            <Text fw={700} fz="xl" data-testid="grading-total">
              {formatNumber(result.total)}/100
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('grade')}
            </Text>
            <Badge size="lg" color={GRADE_COLORS[result.grade]} data-testid="grading-grade" data-grade={result.grade}>
              {l(GRADE_LABELS[result.grade])}
            </Badge>
          </div>
        </Group>
        {canSave && (
          <Group gap="sm">
            {dirty && (
              <Text size="sm" c="orange.8" role="status">
                {t('unsavedChanges')}
              </Text>
            )}
            <Button type="submit" loading={saving} disabled={!dirty}>
              {t('save')}
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
