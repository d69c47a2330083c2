import { evaluationWindow, incidentsInWindow } from '@antoan/core';
import { Alert, Button, Grid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { LoadingBlock, QueryError } from '../../components/QueryStates.js';
import { errorText } from '../../errors.js';
import { useI18n } from '../../i18n.js';
import { DraftNotice } from '../../layout/FormParts.js';
import { UnsavedChangesGuard } from '../../layout/UnsavedChangesGuard.js';
import { useTRPC } from '../../trpc.js';
import { DeductionsCard } from './DeductionsCard.js';
import { GroupCard } from './GroupCard.js';
import { ResultCard } from './ResultCard.js';
import { SheetHeader } from './SheetHeader.js';
import type { Incident, SheetData } from './sheet.js';
import { TotalsBar } from './TotalsBar.js';
import { useGradingSheet } from './useGradingSheet.js';

const route = getRouteApi('/units/$unitId/grading/$year');

/**
 * A unit's 100-point movement sheet for a year: self and verified scores per item, the total and the grade
 * computed live by core's `gradeSheet` (the server's function) as the user types, deductions from the
 * incidents of the unit's evaluation window, and the conditions of the grades.
 */
export function GradingPage() {
  const { unitId, year } = route.useParams();
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
  const { t, language } = useI18n();
  const form = useGradingSheet({ data, year, incidents, onReload });
  const { template, standardMet } = data;
  const points = new Map(form.live.items.map((i) => [i.code, i.points]));
  const groupTotals = new Map(form.live.groups.map((g) => [g.code, g]));

  return (
    <Stack>
      <SheetHeader data={data} year={year} role={form.role} />
      <UnsavedChangesGuard when={form.draft.dirty && form.canSave} />
      <DraftNotice draft={form.draft} />
      {form.conflict && (
        <Alert color="orange" role="alert" title={t('rec_conflictTitle')}>
          <Text size="sm">{errorText(form.conflict, language)}</Text>
          <Button mt="sm" size="xs" onClick={form.reload}>
            {t('rec_reloadSheet')}
          </Button>
        </Alert>
      )}
      {data.locked && (
        <Alert color="gray" data-testid="sheet-locked">
          <Text size="sm">{t('rec_sheetLocked')}</Text>
        </Alert>
      )}
      {!form.canSave && !data.locked && form.role !== undefined && (
        <Text size="sm" c="dimmed">
          {t('rec_readOnlyRole')}
        </Text>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              form.submit();
            }}
            aria-label={t('gradingSheet')}
            noValidate
          >
            <Stack>
              {template.groups.map((group) => (
                <GroupCard
                  key={group.code}
                  group={group}
                  totals={groupTotals.get(group.code)}
                  points={points}
                  scores={form.scores}
                  errors={form.errors}
                  canSelf={form.canSave}
                  canVerify={form.canVerify}
                  onChange={form.setScore}
                />
              ))}
              <TotalsBar result={form.live} canSave={form.canSave} dirty={form.draft.dirty} saving={form.saving} />
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <ResultCard result={form.live} template={template} standardMet={standardMet} year={year} />
            <DeductionsCard
              result={form.live}
              template={template}
              incidents={incidents}
              error={incidentsError}
              onRetry={onRetryIncidents}
              unitType={data.unit.type}
              year={year}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
