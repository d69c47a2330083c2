import {
  CRITERION_OUTCOME_LABELS,
  INCIDENT_EXCEPTION_LABELS,
  incidentTargets,
  RATING_ABSENT,
  type ChecklistItem,
  type Criterion,
  type CriterionAnswer,
  type CriterionResult,
  type EvaluationWindow,
  type IncidentException,
  type IncidentTarget,
} from '@antoan/core';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorsOf, notifySuccess, notifyUnlessFieldErrors } from '../../errors.js';
import { AnchorLink } from '../../lib/links.js';
import { useI18n } from '../../i18n.js';
import { useTRPC, type RouterOutputs } from '../../trpc.js';
import { canUse, useRole } from '../records/access.js';
import { DateField } from '../../components/DateField.js';

export interface AnswerEntry {
  answer: CriterionAnswer;
  evidence: { note: string | null; links: string[] };
}

type Incident = RouterOutputs['assessments']['get']['incidents'][number];

const EMPTY: AnswerEntry = { answer: {}, evidence: { note: null, links: [] } };

interface Props {
  criterion: Criterion;
  result: CriterionResult | undefined;
  entry: AnswerEntry | undefined;
  onChange: (entry: AnswerEntry) => void;
  errors: Record<string, string>;
  disabled: boolean;
  incidents: Incident[];
  unitId: number;
  /** The unit's area and the file's year: where the quarterly reports a comparison reads are listed. */
  reports: { area: number; year: number };
  /** The quarters of the comparison that are the unit's predecessors' reports (a unit born of a reorganisation). */
  inheritance?: RouterOutputs['assessments']['get']['reportInheritance'];
  window: EvaluationWindow;
  /** The answer as it was before a catalogue correction changed the criterion, if any. */
  legacy?: unknown;
  /** The criterion was corrected since the file was filled: it must be answered again. */
  toReview?: boolean;
}

/**
 * One criterion: its text, legal source and explanation, the inputs its kind takes (checks, figures, a
 * rating, the parts' checks), the incidents that count against it, evidence, and its live outcome.
 */
export function CriterionCard({
  criterion: c,
  result,
  entry = EMPTY,
  onChange,
  errors,
  disabled,
  incidents,
  unitId,
  reports,
  inheritance,
  window,
  legacy,
  toReview = false,
}: Props) {
  const { t, l, formatDate } = useI18n();
  const path = `answers.${c.code}`;
  const setAnswer = (answer: CriterionAnswer) => onChange({ ...entry, answer });
  const setCheck = (key: string, value: boolean) =>
    setAnswer({ ...entry.answer, checks: { ...entry.answer.checks, [key]: value } });
  const partsChecklist = c.kind === 'parts' ? c.parts.flatMap((p) => p.checklist ?? []) : [];
  const answerable = c.kind === 'requirement' || c.kind === 'ratio' || c.kind === 'rating' || partsChecklist.length > 0;
  const targets = incidentTargets(c);
  const outcome = result?.outcome ?? 'missing';
  const checkbox = (item: ChecklistItem) => (
    <Checkbox
      key={item.key}
      label={l(item.text)}
      checked={entry.answer.checks?.[item.key] === true}
      onChange={(e) => setCheck(item.key, e.currentTarget.checked)}
      error={errors[`${path}.checks.${item.key}`]}
      disabled={disabled}
    />
  );

  return (
    <Card withBorder component="section" aria-labelledby={`criterion-${c.code}`} data-criterion={c.code}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} size="h5" id={`criterion-${c.code}`}>
            {c.code}. {l(c.title)}
          </Title>
          {c.source && (
            <Text size="xs" c="dimmed" data-testid="criterion-source">
              {c.source}
            </Text>
          )}
        </div>
        <Badge
          color={outcome === 'met' ? 'teal' : outcome === 'not_met' ? 'red' : 'gray'}
          variant="light"
          data-outcome={outcome}
          style={{ flexShrink: 0 }}
        >
          {l(CRITERION_OUTCOME_LABELS[outcome])}
        </Badge>
      </Group>
      <Text size="sm" mt="xs">
        {l(c.explanation)}
      </Text>
      {toReview && (
        <Alert color="orange" variant="light" mt="xs" p="xs" data-testid="to-review">
          <Text size="sm">{t('criterionToReview')}</Text>
          {legacy !== undefined && (
            <Text size="xs" c="dimmed">
              {t('legacyAnswer', { answer: JSON.stringify(legacy) })}
            </Text>
          )}
        </Alert>
      )}
      {result && result.reasons.length > 0 && outcome !== 'met' && (
        <Stack gap={0} mt={4}>
          {result.reasons.map((r, i) => (
            <Text key={i} size="xs" c="red.8">
              {l(r)}
            </Text>
          ))}
        </Stack>
      )}
      <Stack gap="xs" mt="sm">
        {c.kind === 'ratio' && (
          <Group grow align="flex-start">
            <NumberInput
              label={`${t('numerator')}: ${l(c.numerator)}`}
              min={0}
              allowDecimal={false}
              value={entry.answer.numerator ?? ''}
              onChange={(v) => setAnswer({ ...entry.answer, numerator: typeof v === 'number' ? v : undefined })}
              error={errors[`${path}.numerator`]}
              disabled={disabled}
            />
            <NumberInput
              label={`${t('denominator')}: ${l(c.denominator)}`}
              min={0}
              allowDecimal={false}
              value={entry.answer.denominator ?? ''}
              onChange={(v) => setAnswer({ ...entry.answer, denominator: typeof v === 'number' ? v : undefined })}
              error={errors[`${path}.denominator`]}
              description={t('minimumShare', { share: Math.round(c.minimum * 1000) / 10 })}
              disabled={disabled}
            />
          </Group>
        )}
        {c.kind === 'rating' && (
          <Select
            label={l(c.subject)}
            data={[
              ...c.levels.map((level) => ({ value: level.key, label: l(level.text) })),
              ...(c.absentAllowed ? [{ value: RATING_ABSENT, label: t('noSuchBody') }] : []),
            ]}
            value={entry.answer.rating ?? null}
            onChange={(v) => setAnswer({ ...entry.answer, ...(v === null ? { rating: undefined } : { rating: v }) })}
            error={errors[`${path}.rating`]}
            disabled={disabled}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {(c.kind === 'requirement' || c.kind === 'ratio' || c.kind === 'rating') && c.checklist.map(checkbox)}
        {c.kind === 'parts' &&
          c.parts.map((part) => (
            <Stack key={part.letter} gap={4} data-part={part.letter}>
              <Text size="sm" fw={600}>
                {part.letter}) {l(part.text)}
              </Text>
              {(part.checklist ?? []).map(checkbox)}
              {part.comparison && (
                <Text size="xs" c="dimmed">
                  {t('computedFromReports')} {/* Where the figures come from, and where to file the missing ones. */}
                  <AnchorLink to="/reports" search={reports} size="xs" data-testid="comparison-reports-link">
                    {t('wf_reportsLink')}
                  </AnchorLink>
                </Text>
              )}
              {part.comparison && inheritance && (
                <Text size="xs" c="dimmed" data-testid="comparison-inherited">
                  {t('inheritedReports', {
                    quarters: inheritance.quarters.map((q) => `${q.quarter}/${q.year}`).join(', '),
                    units: inheritance.predecessors.map((p) => `${p.name} – ${p.code}`).join('; '),
                    date: formatDate(inheritance.predecessors[0]?.until ?? ''),
                  })}
                </Text>
              )}
            </Stack>
          ))}
        {targets && (
          <Disqualifiers
            code={c.code}
            targets={targets}
            showTargets={c.kind === 'disqualifying'}
            incidents={incidents.filter((i) => i.criterionCode === c.code)}
            unitId={unitId}
            window={window}
          />
        )}
        {!answerable && !targets && (
          <Text size="xs" c="dimmed">
            {t('computedCriterion')}
          </Text>
        )}
        {answerable && (
          // on paper, the evidence as text: an autosized box keeps its screen height and cuts what wraps more
          <Group grow align="flex-start" className="print-only" data-testid="evidence-print">
            {[
              [t('evidenceNote'), entry.evidence.note ?? ''],
              [t('evidenceLinks'), entry.evidence.links.join('\n')],
            ].map(([label, value]) => (
              <div key={label}>
                <Text size="sm" fw={500}>
                  {label}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {value || '—'}
                </Text>
              </div>
            ))}
          </Group>
        )}
        {answerable && (
          <Group grow align="flex-start" className="no-print">
            <Textarea
              label={t('evidenceNote')}
              autosize
              minRows={1}
              maxLength={2000}
              value={entry.evidence.note ?? ''}
              onChange={(e) =>
                onChange({ ...entry, evidence: { ...entry.evidence, note: e.currentTarget.value || null } })
              }
              disabled={disabled}
            />
            <Textarea
              label={t('evidenceLinks')}
              autosize
              minRows={1}
              value={entry.evidence.links.join('\n')}
              onChange={(e) =>
                onChange({
                  ...entry,
                  evidence: {
                    ...entry.evidence,
                    links: e.currentTarget.value
                      .split('\n')
                      .map((s) => s.trim())
                      .filter(Boolean),
                  },
                })
              }
              error={Object.entries(errors).find(([key]) => key.startsWith(`${path}.evidence.links`))?.[1]}
              disabled={disabled}
            />
          </Group>
        )}
        {errors[path] && (
          <Text size="sm" c="red.8" role="alert">
            {errors[path]}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * What incidents count against a criterion (a disqualifying list, or the parts of KDC-4 / XA-3 that read
 * incidents): its lettered items, the incidents in the window with their exceptions, and recording one.
 */
function Disqualifiers({
  code,
  targets,
  showTargets,
  incidents,
  unitId,
  window,
}: {
  code: string;
  targets: readonly IncidentTarget[];
  showTargets: boolean;
  incidents: Incident[];
  unitId: number;
  window: EvaluationWindow;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language, formatDate } = useI18n();
  const role = useRole();
  const [open, setOpen] = useState(false);
  const [item, setItem] = useState<string | null>(null);
  const [exception, setException] = useState<IncidentException | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const create = useMutation(
    trpc.incidents.create.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t('saved'));
        setOpen(false);
        setItem(null);
        setException(null);
        setDate(null);
        setDescription('');
        await queryClient.invalidateQueries({ queryKey: trpc.assessments.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
      },
      onError: (error) => notifyUnlessFieldErrors(error, language),
    }),
  );
  const fieldErrors = create.error ? fieldErrorsOf(create.error, language) : {};
  const canRecord = canUse(role, 'incidents.write');
  const letterText = (letter: string | null | undefined) => targets.find((i) => i.letter === letter);
  const admitted = letterText(item)?.exceptions ?? [];
  return (
    <Stack gap="xs">
      {showTargets && (
        <Stack gap={0}>
          {targets.map((i) => (
            <Text key={i.letter} size="sm">
              {i.letter}) {l(i.text)}
            </Text>
          ))}
        </Stack>
      )}
      <Text size="sm" fw={600}>
        {t('incidentsAgainst', { from: formatDate(window.from), to: formatDate(window.to) })}
      </Text>
      {incidents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noIncidents')}
        </Text>
      ) : (
        incidents.map((i) => {
          const target = letterText(i.item);
          return (
            <Text key={i.id} size="sm" c="red.8" data-testid="incident">
              {formatDate(i.occurredOn)} — {i.item ? `${i.item}) ` : ''}
              {i.description} {target ? `(${l(target.text)})` : ''}
              {i.exception && ` — ${t('notCounted')}: ${l(INCIDENT_EXCEPTION_LABELS[i.exception])}`}
            </Text>
          );
        })
      )}
      {canRecord && !open && (
        <Group>
          <Button variant="light" color="red" size="xs" onClick={() => setOpen(true)}>
            {t('recordIncident')}
          </Button>
        </Group>
      )}
      {open && (
        <Card withBorder bg="red.0" p="sm">
          <Stack gap="xs">
            <Group grow align="flex-start">
              <Select
                label={t('item')}
                data={targets.map((i) => ({ value: i.letter, label: `${i.letter}) ${l(i.text)}` }))}
                value={item}
                onChange={(v) => {
                  setItem(v);
                  setException(null);
                }}
                error={fieldErrors.item}
                comboboxProps={{ withinPortal: true }}
              />
              <DateField
                label={t('occurredOn')}
                value={date}
                onChange={(v) => setDate(v)}
                required
                error={fieldErrors.occurredOn}
                minDate={window.from}
                maxDate={window.to}
              />
            </Group>
            {admitted.length > 0 && (
              <Select
                label={t('exception')}
                data={admitted.map((e) => ({ value: e, label: l(INCIDENT_EXCEPTION_LABELS[e]) }))}
                value={exception}
                onChange={(v) => setException(v)}
                clearable
                error={fieldErrors.exception}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <TextInput
              label={t('description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              required
              error={fieldErrors.description}
              maxLength={2000}
            />
            <Group>
              <Button
                size="xs"
                color="red"
                loading={create.isPending}
                disabled={!date || !description.trim()}
                onClick={() =>
                  date &&
                  create.mutate({
                    unitId,
                    occurredOn: date,
                    criterionCode: code,
                    item,
                    exception,
                    description: description.trim(),
                  })
                }
              >
                {t('save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setOpen(false)}>
                {t('cancel')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
