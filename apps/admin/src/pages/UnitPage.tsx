import {
  CYCLE_STATUS_LABELS,
  RECOGNITION_LEVEL_LABELS,
  RECOGNITION_RESULT_LABELS,
  SINCE_BEFORE_RECORDS,
  UNIT_TYPE_LABELS,
  type Unit,
} from '@antoan/core';
import { Alert, Badge, Button, Card, Checkbox, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { DateField } from '../components/DateField.js';
import { errorText, httpStatusOf, notifySuccess, notifyUnlessFieldErrors } from '../errors.js';
import { useI18n } from '../i18n.js';
import { ButtonLink, AnchorLink } from '../lib/links.js';
import { useScope } from '../lib/scope.js';
import { useTRPC } from '../trpc.js';
import { ResultBadge } from './assessment/ResultBadge.js';
import { canUse, useRole } from './records/access.js';

/**
 * Who recognises the unit (Art. 10): its People's Committee, one level lower when delegated, or the Ministry
 * of Public Security for units its departments monitor; senior officers set the two flags. What is not
 * confirmed (who recognises communes after 2025) is said to administrators only.
 */
function RecognitionAuthorityLine({ unit }: { unit: Unit }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language } = useI18n();
  const role = useRole();
  const authority = useQuery(trpc.units.recognitionAuthority.queryOptions({ unitId: unit.id }));
  const set = useMutation(
    trpc.units.setRecognition.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t('saved'));
        await queryClient.invalidateQueries({ queryKey: trpc.units.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
      },
      onError: (error) => notifyUnlessFieldErrors(error, language),
    }),
  );
  const editable = canUse(role, 'units.setRecognition') && unit.type !== 'KDC' && unit.type !== 'XA';
  // the day a change takes effect (the years before keep who recognised the unit then); empty: today
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(null);
  const flags = {
    isMinistryMonitored: unit.isMinistryMonitored ?? false,
    isRecognitionDelegated: unit.isRecognitionDelegated ?? false,
    ...(effectiveFrom !== null && { effectiveFrom }),
  };
  return (
    <Stack gap={4} data-testid="recognition-authority">
      {authority.data && (
        <Text size="sm">
          {t('recognisedBy')}: {l(RECOGNITION_LEVEL_LABELS[authority.data.level])}
          {authority.data.delegated ? ` (${t('delegated')})` : ''} — {authority.data.source}
        </Text>
      )}
      {role === 'admin' && authority.data?.note && (
        <Text size="xs" c="orange.8">
          {l(authority.data.note)}
        </Text>
      )}
      {editable && (
        <Group gap="lg" align="center">
          <DateField
            label={t('recognitionEffectiveFrom')}
            value={effectiveFrom}
            onChange={setEffectiveFrom}
            size="xs"
            w={300}
          />
          <Checkbox
            label={t('ministryMonitored')}
            checked={flags.isMinistryMonitored}
            disabled={set.isPending}
            onChange={(e) => set.mutate({ unitId: unit.id, ...flags, isMinistryMonitored: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('recognitionDelegated')}
            checked={flags.isRecognitionDelegated}
            disabled={set.isPending}
            onChange={(e) => set.mutate({ unitId: unit.id, ...flags, isRecognitionDelegated: e.currentTarget.checked })}
          />
        </Group>
      )}
    </Stack>
  );
}

const route = getRouteApi('/units/$unitId');

/** A unit: what it is, and its files across the years with the result the engine computes now. */
export function UnitPage() {
  const { unitId } = route.useParams();
  const trpc = useTRPC();
  const { t, l, language, formatDate } = useI18n();
  const { year } = useScope();
  const unit = useQuery(trpc.units.get.queryOptions({ unitId }));
  const history = useQuery(trpc.assessments.history.queryOptions({ unitId }));

  if (unit.error) {
    const missing = httpStatusOf(unit.error) === 404;
    return (
      <Stack align="flex-start">
        <Title order={2}>{missing ? t('unitNotFound') : t('error')}</Title>
        <Alert color="red" role="alert" w="100%">
          {errorText(unit.error, language)}
        </Alert>
        <Group>
          {!missing && (
            <Button variant="default" onClick={() => void unit.refetch()}>
              {t('retry')}
            </Button>
          )}
          <ButtonLink to="/units">{t('backToUnits')}</ButtonLink>
        </Group>
      </Stack>
    );
  }
  if (unit.isPending) return <Skeleton h={200} />;
  const u = unit.data;
  const hasCurrent = history.data?.some((h) => h.year === year);
  return (
    <Stack>
      <div>
        <Title order={2}>{u.name}</Title>
        <Group gap="xs">
          <Badge variant="light">{u.type}</Badge>
          <Text size="sm">{l(UNIT_TYPE_LABELS[u.type])}</Text>
          <Text size="sm" c="dimmed" ff="monospace">
            {u.code}
          </Text>
          <Text size="sm" c="dimmed">
            {t('managingLevel')}: {t(`level_${u.managingLevel}`)}
          </Text>
          {u.validFrom && u.validFrom !== SINCE_BEFORE_RECORDS && (
            <Text size="sm" c="dimmed" data-testid="unit-valid-from">
              {t('unitValidFrom', { date: formatDate(u.validFrom), year: Number(u.validFrom.slice(0, 4)) })}
            </Text>
          )}
        </Group>
        <RecognitionAuthorityLine unit={u} />
      </div>
      {year !== undefined && (
        <Group>
          <ButtonLink to="/units/$unitId/assessment/$year" params={{ unitId, year }}>
            {t('openAssessment', { year })}
          </ButtonLink>
          <ButtonLink variant="default" to="/units/$unitId/grading/$year" params={{ unitId, year }}>
            {t('gradingSheet')} {year}
          </ButtonLink>
          {!hasCurrent && history.data && (
            <Text size="sm" c="dimmed">
              {t('notRegisteredYet', { year })}
            </Text>
          )}
        </Group>
      )}
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('unitHistory')}
        </Title>
        {history.isPending ? (
          <Skeleton h={120} />
        ) : history.error ? (
          <Alert color="red">{errorText(history.error, language)}</Alert>
        ) : history.data.length === 0 ? (
          <Text c="dimmed">{t('noHistory')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('unitHistory')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('year')}</Table.Th>
                  <Table.Th>{t('status')}</Table.Th>
                  <Table.Th>{t('result')}</Table.Th>
                  <Table.Th>{t('decision')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.map((h) => (
                  <Table.Tr key={h.year}>
                    <Table.Td fw={600}>{h.year}</Table.Td>
                    <Table.Td>{l(CYCLE_STATUS_LABELS[h.status])}</Table.Td>
                    <Table.Td title={h.summary ? l(h.summary) : undefined}>
                      <ResultBadge result={h.result} label={l(RECOGNITION_RESULT_LABELS[h.result])} />
                      {/* the recorded decision stands; a result computed now that differs is shown beside it */}
                      {((h.status === 'recognised' && h.result !== 'DAT') ||
                        (h.status === 'not_recognised' && h.result === 'DAT')) && (
                        <Text size="xs" c="orange.8" data-testid="result-differs">
                          {t('resultDiffersFromDecision')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {h.decision
                        ? `${h.decision.number} (${formatDate(h.decision.date)}) — ${h.decision.authority}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <AnchorLink to="/units/$unitId/assessment/$year" params={{ unitId, year: h.year }}>
                          {t('assessment')}
                        </AnchorLink>
                        <AnchorLink to="/units/$unitId/grading/$year" params={{ unitId, year: h.year }}>
                          {t('gradingSheet')}
                        </AnchorLink>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
