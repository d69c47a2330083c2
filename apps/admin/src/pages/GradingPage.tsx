import {
  evaluationWindow,
  GRADE_LABELS,
  gradeSheet,
  incidentsInWindow,
  UNIT_TYPE_LABELS,
  type Grade,
  type GradingResult,
  type ItemScore,
  type SheetItem,
} from '@antoan/core';
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { errorText, httpStatusOf, notifyError, notifySuccess } from '../errors.js';
import { useI18n } from '../i18n.js';
import { useDraft } from '../lib/draft.js';
import { AnchorLink } from '../lib/links.js';
import { gradingRoute } from '../router.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { canUse, useRole } from './records/access.js';
import { LoadingBlock, QueryError } from './records/QueryStates.js';
import { DraftNotice } from '../layout/FormParts.js';
import { UnsavedChangesGuard } from '../layout/UnsavedChangesGuard.js';

type SheetData = RouterOutputs['grading']['get'];
type Incident = RouterOutputs['incidents']['list'][number];
type Scores = Record<string, ItemScore>;
interface Draft {
  version: number | null;
  scores: Scores;
}

const GRADE_COLORS: Record<Grade, string> = { XUAT_SAC: 'teal', KHA: 'blue', TRUNG_BINH: 'yellow', YEU: 'red' };

/**
 * A unit's 100-point movement sheet for a year: self and verified scores per item, the total and the grade
 * computed live by core's `gradeSheet` (the server's function) as the user types, deductions from the
 * incidents of the unit's evaluation window, and the conditions of the grades.
 */
export function GradingPage() {
  const { unitId, year } = gradingRoute.useParams();
  const trpc = useTRPC();
  const sheet = useQuery(trpc.grading.get.queryOptions({ unitId, year }));
  const window = sheet.data ? evaluationWindow(sheet.data.unit.type, year) : undefined;
  const incidents = useQuery({
    ...trpc.incidents.list.queryOptions({
      unitId,
      from: window?.from ?? `${year}-01-01`,
      to: window?.to ?? `${year}-12-31`,
    }),
    enabled: window !== undefined,
  });

  if (sheet.error) return <QueryError error={sheet.error} onRetry={() => sheet.refetch()} />;
  if (sheet.isPending) return <LoadingBlock height={480} />;
  return (
    <SheetForm
      key={`${unitId}-${year}`}
      data={sheet.data}
      year={year}
      incidents={incidents.data ? incidentsInWindow(incidents.data, sheet.data.unit.type, year) : undefined}
      incidentsError={incidents.error}
      onRetryIncidents={() => void incidents.refetch()}
      onReload={() => void sheet.refetch()}
    />
  );
}

function SheetForm({
  data,
  year,
  incidents,
  incidentsError,
  onRetryIncidents,
  onReload,
}: {
  data: SheetData;
  year: number;
  incidents: Incident[] | undefined;
  incidentsError: unknown;
  onRetryIncidents: () => void;
  onReload: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language, formatNumber, formatDate } = useI18n();
  const role = useRole();
  const { unit, template, sheet, standardMet } = data;
  const canSave = canUse(role, 'grading.enterScores');
  const canVerify = canUse(role, 'grading.verifyScores');

  const base = useMemo<Draft>(() => ({ version: sheet?.version ?? null, scores: sheet?.scores ?? {} }), [sheet]);
  const draft = useDraft<Draft>(`grading.${unit.id}.${year}`, base);
  const scores = draft.value.scores;

  // The server's function on what is typed now; until the incidents are read, the server's own result.
  const live: GradingResult = useMemo(
    () => (incidents ? gradeSheet(template, { scores, incidents, standardMet }) : data.result),
    [template, scores, incidents, standardMet, data.result],
  );

  const items = useMemo(() => template.groups.flatMap((g) => g.items), [template]);
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const item of items) {
      for (const kind of ['self', 'verified'] as const) {
        const value = scores[item.code]?.[kind];
        if (typeof value === 'number' && (value < 0 || value > item.maxPoints)) {
          out[`${item.code}.${kind}`] = t('rec_scoreRange', { max: formatNumber(item.maxPoints) });
        }
      }
    }
    return out;
  }, [items, scores, t, formatNumber]);

  const save = useMutation(
    trpc.grading.saveScores.mutationOptions({
      onSuccess: async () => {
        draft.clear();
        notifySuccess(t('rec_gradingSaved'));
        await queryClient.invalidateQueries({ queryKey: trpc.grading.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
      },
      onError: (error) => {
        if (httpStatusOf(error) !== 409) notifyError(error, language);
      },
    }),
  );
  const conflict = save.error && httpStatusOf(save.error) === 409 ? save.error : null;

  const setScore = (code: string, kind: 'self' | 'verified', value: number | null) =>
    draft.set((d) => ({ ...d, scores: { ...d.scores, [code]: { ...d.scores[code], [kind]: value } } }));

  const submit = () => {
    if (!canSave) return;
    if (Object.keys(errors).length > 0) {
      // The sheet is long: the first score in error may be out of view. Bring it into view and focus it, so
      // "Lưu" never does nothing visible.
      const first = items
        .flatMap((i) => (['self', 'verified'] as const).map((kind) => [i.code, kind] as const))
        .find(([code, kind]) => errors[`${code}.${kind}`]);
      const input = first && document.querySelector<HTMLInputElement>(`[data-testid="${first[1]}-${first[0]}"]`);
      input?.scrollIntoView({ block: 'center' });
      input?.focus();
      return;
    }
    const known = new Set(items.map((i) => i.code));
    const payload: Scores = {};
    for (const [code, score] of Object.entries(scores)) {
      if (!known.has(code)) continue;
      // A unit reporter gives self scores only; the stored verified score stays.
      payload[code] = canVerify
        ? { self: score.self ?? null, verified: score.verified ?? null }
        : { self: score.self ?? null };
    }
    save.mutate({ unitId: unit.id, year, templateId: template.id, version: draft.value.version, scores: payload });
  };

  const reload = () => {
    draft.clear();
    save.reset();
    onReload();
  };

  const pointsByCode = new Map(live.items.map((i) => [i.code, i]));
  const groupTotals = new Map(live.groups.map((g) => [g.code, g]));

  return (
    <Stack>
      <div>
        <Title order={2}>{t('rec_gradingTitle', { unit: unit.name, year })}</Title>
        <Group gap="xs">
          <AnchorLink to="/units/$unitId" params={{ unitId: unit.id }} size="sm">
            {unit.code}
          </AnchorLink>
          <Badge variant="light">{l(UNIT_TYPE_LABELS[unit.type])}</Badge>
          <AnchorLink to="/units/$unitId/assessment/$year" params={{ unitId: unit.id, year }} size="sm">
            {t('rec_openAssessment')}
          </AnchorLink>
        </Group>
        <Text size="sm" mt={4}>
          {l(template.title)}
        </Text>
        <Text size="xs" c="dimmed">
          {l(template.legalBasis)}
        </Text>
        {sheet && (
          <Text size="xs" c="dimmed">
            {t('rec_sheetUpdated', { date: formatDate(sheet.updatedAt), version: sheet.version })}
          </Text>
        )}
        {/* doubts about the legal text are for administrators (the catalogue page), not officials */}
        {role === 'admin' && items.some((i) => !i.verified) && (
          <Text size="xs" c="dimmed">
            * {t('rec_unverifiedItems')}
          </Text>
        )}
      </div>

      <UnsavedChangesGuard when={draft.dirty && canSave} />
      <DraftNotice draft={draft} />
      {conflict && (
        <Alert color="orange" role="alert" title={t('rec_conflictTitle')}>
          <Text size="sm">{errorText(conflict, language)}</Text>
          <Button mt="sm" size="xs" onClick={reload}>
            {t('rec_reloadSheet')}
          </Button>
        </Alert>
      )}
      {!canSave && role !== undefined && (
        <Text size="sm" c="dimmed">
          {t('rec_readOnlyRole')}
        </Text>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
            aria-label={t('gradingSheet')}
            noValidate
          >
            <Stack>
              {template.groups.map((group) => {
                const totals = groupTotals.get(group.code);
                return (
                  <Card withBorder key={group.code} padding="sm">
                    <Group justify="space-between" mb="xs" wrap="nowrap">
                      <Title order={3} size="h5">
                        {group.code}. {l(group.title)}
                      </Title>
                      <Text size="sm" fw={600} ff="monospace" aria-label={t('rec_groupPoints')}>
                        {formatNumber(totals?.points ?? 0)}/{formatNumber(totals?.maxPoints ?? 0)}
                      </Text>
                    </Group>
                    <Table.ScrollContainer minWidth={620}>
                      <Table verticalSpacing={6}>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th w={56}>{t('code')}</Table.Th>
                            <Table.Th>{t('rec_item')}</Table.Th>
                            <Table.Th w={72} ta="right">
                              {t('rec_max')}
                            </Table.Th>
                            <Table.Th w={120}>{t('selfScore')}</Table.Th>
                            <Table.Th w={120}>{t('verifiedScore')}</Table.Th>
                            <Table.Th w={72} ta="right">
                              {t('rec_pointsUsed')}
                            </Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {group.items.map((item) => (
                            <ItemRow
                              key={item.code}
                              item={item}
                              score={scores[item.code]}
                              points={pointsByCode.get(item.code)?.points}
                              errors={errors}
                              canSelf={canSave}
                              canVerify={canVerify}
                              onChange={setScore}
                            />
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  </Card>
                );
              })}
              <Paper
                withBorder
                p="sm"
                shadow="sm"
                style={{ position: 'sticky', bottom: 0, zIndex: 3 }}
                aria-live="polite"
              >
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Group gap="md" wrap="nowrap">
                    <div>
                      <Text size="xs" c="dimmed">
                        {t('totalScore')}
                      </Text>
                      <Text fw={700} fz="xl" data-testid="grading-total">
                        {formatNumber(live.total)}/100
                      </Text>
                    </div>
                    <div>
                      <Text size="xs" c="dimmed">
                        {t('grade')}
                      </Text>
                      <Badge
                        size="lg"
                        color={GRADE_COLORS[live.grade]}
                        data-testid="grading-grade"
                        data-grade={live.grade}
                      >
                        {l(GRADE_LABELS[live.grade])}
                      </Badge>
                    </div>
                  </Group>
                  {canSave && (
                    <Group gap="sm">
                      {draft.dirty && (
                        <Text size="sm" c="orange.8" role="status">
                          {t('unsavedChanges')}
                        </Text>
                      )}
                      <Button type="submit" loading={save.isPending} disabled={!draft.dirty}>
                        {t('save')}
                      </Button>
                    </Group>
                  )}
                </Group>
              </Paper>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <ResultCard result={live} template={data.template} standardMet={standardMet} year={year} />
            <DeductionsCard
              result={live}
              template={data.template}
              incidents={incidents}
              error={incidentsError}
              onRetry={onRetryIncidents}
              unitType={unit.type}
              year={year}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ItemRow({
  item,
  score,
  points,
  errors,
  canSelf,
  canVerify,
  onChange,
}: {
  item: SheetItem;
  score: ItemScore | undefined;
  points: number | undefined;
  errors: Record<string, string>;
  canSelf: boolean;
  canVerify: boolean;
  onChange: (code: string, kind: 'self' | 'verified', value: number | null) => void;
}) {
  const { t, l, formatNumber } = useI18n();
  const isAdmin = useRole() === 'admin';
  return (
    <Table.Tr>
      <Table.Td ff="monospace" fz="sm" valign="top">
        {item.code}
      </Table.Td>
      <Table.Td valign="top">
        <Text size="sm">{l(item.title)}</Text>
      </Table.Td>
      <Table.Td ta="right" valign="top" title={item.verified || !isAdmin ? undefined : t('rec_unverifiedItem')}>
        {formatNumber(item.maxPoints)}
        {item.verified || !isAdmin ? '' : '*'}
      </Table.Td>
      <Table.Td valign="top">
        <ScoreInput
          label={`${t('selfScore')} ${item.code}`}
          value={score?.self ?? null}
          max={item.maxPoints}
          readOnly={!canSelf}
          error={errors[`${item.code}.self`]}
          onChange={(v) => onChange(item.code, 'self', v)}
          testId={`self-${item.code}`}
        />
      </Table.Td>
      <Table.Td valign="top">
        <ScoreInput
          label={`${t('verifiedScore')} ${item.code}`}
          value={score?.verified ?? null}
          max={item.maxPoints}
          readOnly={!canVerify}
          error={errors[`${item.code}.verified`]}
          onChange={(v) => onChange(item.code, 'verified', v)}
          testId={`verified-${item.code}`}
        />
      </Table.Td>
      <Table.Td ta="right" valign="top" fw={600}>
        {points === undefined ? '—' : formatNumber(points)}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * A score box: keeps what is typed ("2," on the way to "2,5") and reports a number, or null when empty.
 * Vietnamese users type a decimal comma; a dot works too.
 */
function ScoreInput({
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

function ResultCard({
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

function DeductionsCard({
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
