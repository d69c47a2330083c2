import {
  CRITERION_OUTCOME_LABELS,
  CYCLE_STATUS_LABELS,
  evaluateUnit,
  findCatalogue,
  RECOGNITION_RESULT_LABELS,
  validateAnswers,
  type CriterionAnswer,
  type CriterionResult,
} from '@antoan/core';
import { Alert, Badge, Button, Card, Grid, Group, Modal, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { fieldErrorsOf, notifyError, notifySuccess, notifyUnlessFieldErrors } from '../errors.js';
import { useI18n } from '../i18n.js';
import { useDraft } from '../lib/draft.js';
import { AnchorLink } from '../lib/links.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { CriterionCard, type AnswerEntry } from './assessment/CriterionCard.js';
import { ResultBadge } from './assessment/ResultBadge.js';
import { Workflow } from './assessment/Workflow.js';
import { DraftNotice } from '../layout/FormParts.js';
import { UnsavedChangesGuard } from '../layout/UnsavedChangesGuard.js';
import { PrintButton, PrintTitle } from '../components/PrintParts.js';
import { QueryError } from '../components/QueryStates.js';

type File = RouterOutputs['assessments']['get'];

const route = getRouteApi('/units/$unitId/assessment/$year');

/** A unit's file for a year: answers and evidence per criterion, the result computed live by core, the cycle. */
export function AssessmentPage() {
  const { unitId, year } = route.useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language } = useI18n();
  const file = useQuery(trpc.assessments.get.queryOptions({ unitId, year }));
  // Registering commits the unit to the year's cycle (it then counts in the commune's figures): confirmed first.
  const [confirming, setConfirming] = useState(false);
  const register = useMutation(
    trpc.assessments.register.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.assessments.pathKey() }),
      onError: (error) => notifyError(error, language),
    }),
  );

  if (file.error) return <QueryError error={file.error} onRetry={() => file.refetch()} />;
  if (file.isPending) return <Skeleton h={400} aria-busy="true" />;
  const data = file.data;
  return (
    <Stack>
      <div>
        <PrintTitle title={t('printAssessmentTitle')} unit={`${data.unit.name} (${data.unit.code})`} year={year} />
        <Title order={2}>{t('assessmentTitle', { unit: data.unit.name, year })}</Title>
        <Group gap="xs">
          <AnchorLink to="/units/$unitId" params={{ unitId }} size="sm">
            {data.unit.code}
          </AnchorLink>
          <Badge variant="outline" data-testid="cycle-status">
            {l(CYCLE_STATUS_LABELS[data.status])}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('catalogueUsed', { title: l(data.catalogue.title) })}
          </Text>
          <PrintButton />
        </Group>
      </div>
      {!hasRecord(data) ? (
        <Card withBorder>
          <Text mb="sm">{t('notRegisteredYet', { year })}</Text>
          {data.actions.includes('register') && (
            <Button onClick={() => setConfirming(true)} loading={register.isPending}>
              {t('register', { year })}
            </Button>
          )}
        </Card>
      ) : (
        <AnswerForm key={`${unitId}-${year}`} file={data} />
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('register', { year })} centered>
        <Text size="sm" mb="md" data-testid="register-confirm">
          {t('wf_confirmRegister', { unit: data.unit.name, year })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </Button>
          <Button
            data-autofocus
            loading={register.isPending}
            onClick={() => register.mutate({ unitId, year }, { onSettled: () => setConfirming(false) })}
          >
            {t('wf_confirmButton')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

type Answers = Record<string, AnswerEntry>;
type RegisteredFile = File & { record: NonNullable<File['record']> };
const hasRecord = (file: File): file is RegisteredFile => file.record !== null;

function AnswerForm({ file }: { file: RegisteredFile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language } = useI18n();
  const { unit, record } = file;
  const catalogue = useMemo(() => findCatalogue(record.catalogueId), [record.catalogueId]);
  // `legacy` (an answer as it was before a catalogue correction) is shown, never sent back
  const base = useMemo(
    () => ({
      version: record.version,
      answers: Object.fromEntries(
        Object.entries(record.answers).map(([code, { answer, evidence }]) => [code, { answer, evidence }]),
      ) as Answers,
    }),
    [record],
  );
  const draft = useDraft(`assessment.${unit.id}.${record.year}`, base);
  const answers = draft.value.answers;

  // The same engine as the server, on what is typed now.
  const plain = useMemo(
    () =>
      Object.fromEntries(Object.entries(answers).map(([code, a]) => [code, a.answer])) as Record<
        string,
        CriterionAnswer
      >,
    [answers],
  );
  const live = useMemo(
    () => (catalogue ? evaluateUnit({ ...file.evaluationInput, answers: plain }, { catalogue }) : file.evaluation),
    [catalogue, file.evaluationInput, file.evaluation, plain],
  );
  const clientErrors = useMemo(() => {
    const out: Record<string, string> = {};
    if (catalogue) for (const e of validateAnswers(catalogue, unit.type, plain)) out[e.path] = l(e.message);
    return out;
  }, [catalogue, unit.type, plain, l]);

  const save = useMutation(
    trpc.assessments.saveAnswers.mutationOptions({
      onSuccess: async () => {
        draft.clear();
        notifySuccess(t('saved'));
        await queryClient.invalidateQueries({ queryKey: trpc.assessments.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
      },
      onError: (error) => notifyUnlessFieldErrors(error, language),
    }),
  );
  const serverErrors = save.error ? fieldErrorsOf(save.error, language) : {};
  const errors = { ...serverErrors, ...clientErrors };
  const results = new Map<string, CriterionResult>(live.criteria.map((c) => [c.code, c]));
  const setEntry = (code: string, entry: AnswerEntry) =>
    draft.set((d) => ({ ...d, answers: { ...d.answers, [code]: entry } }));
  // The server has the last word (reporters stop editing once they submit); this only hides dead inputs.
  const canEdit =
    !record.isLocked && ['registered', 'self_assessed', 'submitted', 'appraised', 'recognised'].includes(record.status);
  const submit = () => {
    if (Object.keys(clientErrors).length > 0) return;
    save.mutate({ unitId: unit.id, year: record.year, version: draft.value.version, answers });
  };

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          aria-label={t('assessment')}
        >
          <Stack>
            <UnsavedChangesGuard when={draft.dirty} />
            <DraftNotice draft={draft} />
            {file.catalogue.criteria.map((criterion) => (
              <CriterionCard
                key={criterion.code}
                criterion={criterion}
                result={results.get(criterion.code)}
                entry={answers[criterion.code]}
                legacy={record.answers[criterion.code]?.legacy}
                toReview={record.criteriaToReview.includes(criterion.code)}
                onChange={(entry) => setEntry(criterion.code, entry)}
                errors={errors}
                disabled={!canEdit}
                incidents={file.incidents}
                unitId={unit.id}
                reports={{ area: unit.areaId, year: record.year }}
                inheritance={file.reportInheritance}
                window={live.window}
              />
            ))}
            {canEdit && (
              <Group className="sticky-actions">
                <Button type="submit" loading={save.isPending} disabled={!draft.dirty}>
                  {t('save')}
                </Button>
                {draft.dirty && (
                  <Text size="sm" c="orange.8" role="status">
                    {t('unsavedChanges')}
                  </Text>
                )}
              </Group>
            )}
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack className="side-panel">
          <Card withBorder aria-live="polite" data-testid="live-result">
            <Text size="sm" c="dimmed">
              {t('liveResult')}
            </Text>
            <Group my="xs">
              <ResultBadge result={live.result} label={l(RECOGNITION_RESULT_LABELS[live.result])} size="xl" />
            </Group>
            <Text size="sm">{l(live.summary)}</Text>
            {live.computedResult && (
              <Alert color="orange" mt="xs" data-testid="locked-contradicted">
                <Text size="sm">{t('lockedKeepsResult')}</Text>
                <Group mt={4}>
                  <ResultBadge result={live.computedResult} label={l(RECOGNITION_RESULT_LABELS[live.computedResult])} />
                </Group>
                <Text size="sm" mt={4}>
                  {t('lockedKeepsResultAct')}
                </Text>
              </Alert>
            )}
            <Stack gap={2} mt="xs">
              {live.criteria.map((c) => (
                <Group key={c.code} justify="space-between" wrap="nowrap">
                  <Text size="xs" ff="monospace">
                    {c.code}
                  </Text>
                  <Text size="xs" c={c.outcome === 'met' ? 'teal.8' : c.outcome === 'not_met' ? 'red.8' : 'dimmed'}>
                    {l(CRITERION_OUTCOME_LABELS[c.outcome])}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
          <Workflow file={file} dirty={draft.dirty} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
