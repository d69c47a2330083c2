import { GRADE_LABELS, type GradingResult } from '@antoan/core';
import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import { useRole } from '../records/access.js';
import { GRADE_COLORS, type SheetData } from './sheet.js';

/** The live result: the items' total, the deductions, the grade, its conditions and bands, and why. */
export function ResultCard({
  result,
  template,
  standardMet,
  year,
}: {
  result: GradingResult;
  template: SheetData['template'];
  standardMet: boolean;
  year: number;
}) {
  const isAdmin = useRole() === 'admin';
  const { t, l, formatNumber } = useI18n();
  const rules = template.rules;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('rec_gradingResult')}
      </Title>
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm">{t('rec_itemsTotal')}</Text>
          <Text size="sm" fw={600}>
            {formatNumber(result.itemsTotal)}
          </Text>
        </Group>
        <Group justify="space-between">
          <Text size="sm">{t('deductions')}</Text>
          <Text size="sm" fw={600} c={result.deductionsTotal > 0 ? 'red.8' : undefined}>
            {result.deductionsTotal > 0 ? `−${formatNumber(result.deductionsTotal)}` : '0'}
          </Text>
        </Group>
        <Group justify="space-between">
          <Text size="sm">{t('totalScore')}</Text>
          <Text size="sm" fw={700}>
            {formatNumber(result.total)}/100
          </Text>
        </Group>
        {result.bandGrade !== result.grade && (
          <Text size="xs" c="orange.8">
            {t('rec_gradeLowered', { band: l(GRADE_LABELS[result.bandGrade]), grade: l(GRADE_LABELS[result.grade]) })}
          </Text>
        )}
      </Stack>
      <Text size="sm" fw={600} mt="sm">
        {t('rec_standardMet', { year })}{' '}
        <Badge color={standardMet ? 'teal' : 'gray'} variant="light" data-testid="standard-met">
          {standardMet ? t('yes') : t('no')}
        </Badge>
      </Text>
      {rules.preconditions.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('rec_preconditions')}
          </Text>
          <List size="sm" spacing={2}>
            {rules.preconditions.map((p, i) => {
              const holds = p.requires === 'standard_met' ? standardMet : result.deductionsTotal === 0;
              return (
                <List.Item key={i}>
                  <Text size="sm" span c={holds ? undefined : 'orange.8'}>
                    {l(p.text)} — {holds ? t('rec_conditionMet') : t('rec_conditionNotMet')}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        </>
      )}
      <Text size="sm" fw={600} mt="sm">
        {t('rec_bands')}
        {!rules.verified && isAdmin && (
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            ({t('rec_unverifiedBands')})
          </Text>
        )}
      </Text>
      <Group gap={6} mt={4}>
        {rules.bands.map((b) => (
          <Badge key={b.grade} variant={b.grade === result.grade ? 'filled' : 'outline'} color={GRADE_COLORS[b.grade]}>
            {l(GRADE_LABELS[b.grade])} ≥ {formatNumber(b.minimum)}
          </Badge>
        ))}
      </Group>
      <Text size="sm" fw={600} mt="sm">
        {t('rec_explanation')}
      </Text>
      <List size="xs" spacing={2}>
        {result.explanation.map((line, i) => (
          <List.Item key={i}>{l(line)}</List.Item>
        ))}
      </List>
    </Card>
  );
}
