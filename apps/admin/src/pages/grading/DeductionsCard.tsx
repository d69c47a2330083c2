import { evaluationWindow, type GradingResult } from '@antoan/core';
import { Alert, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { errorText } from '../../errors.js';
import { useI18n } from '../../i18n.js';
import type { Incident, SheetData } from './sheet.js';

/** The incidents of the unit's evaluation window, the deductions they bring, and the template's deduction rules. */
export function DeductionsCard({
  result,
  template,
  incidents,
  error,
  onRetry,
  unitType,
  year,
}: {
  result: GradingResult;
  template: SheetData['template'];
  incidents: Incident[] | undefined;
  error: unknown;
  onRetry: () => void;
  unitType: SheetData['unit']['type'];
  year: number;
}) {
  const { t, l, language, formatDate, formatNumber } = useI18n();
  const window = evaluationWindow(unitType, year);
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb={4}>
        {t('rec_deductionsTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('incidentsAgainst', { from: formatDate(window.from), to: formatDate(window.to) })}
      </Text>
      {error ? (
        <Alert color="red" role="alert">
          {errorText(error, language)}
          <div>
            <Button size="xs" mt="xs" variant="white" color="red" onClick={onRetry}>
              {t('retry')}
            </Button>
          </div>
        </Alert>
      ) : incidents === undefined ? (
        <Text size="sm" c="dimmed">
          {t('loading')}
        </Text>
      ) : incidents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noIncidents')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {incidents.map((i) => (
            <List.Item key={i.id}>
              {formatDate(i.occurredOn)} · {i.criterionCode}
              {i.item ? ` (${i.item})` : ''} — {i.description}
            </List.Item>
          ))}
        </List>
      )}
      {result.deductions.length > 0 && (
        <Stack gap={2} mt="sm">
          {result.deductions.map((d) => (
            <Text key={d.code} size="sm" c="red.8">
              {t('rec_deductionLine', {
                code: d.code,
                points: formatNumber(d.points),
                count: d.incidents,
                title: l(d.title),
              })}
            </Text>
          ))}
        </Stack>
      )}
      {template.deductions.length > 0 && (
        <>
          <Text size="xs" fw={600} mt="sm">
            {t('rec_deductionRules')}
          </Text>
          <List size="xs" spacing={2}>
            {template.deductions.map((d) => (
              <List.Item key={d.code}>
                {d.code}: {l(d.title)} —{' '}
                {t(d.perIncident ? 'rec_rulePerIncident' : 'rec_ruleOnce', {
                  points: formatNumber(d.points),
                  max: d.maxPoints === null ? '—' : formatNumber(d.maxPoints),
                })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}
