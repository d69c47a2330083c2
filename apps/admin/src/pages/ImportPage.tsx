import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText, notifyError, notifySuccess } from '../errors.js';
import { useI18n, type MessageKey } from '../i18n.js';
import { useScope, useScopeName } from '../lib/scope.js';
import { AreaPageOnly } from '../components/QueryStates.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';
import { canUse } from './records/access.js';

type ImportResult = RouterOutputs['imports']['dryRun'];
type PlanRow = ImportResult['units']['create'][number];
type ReorganisationRow = ImportResult['reorganisations'][number];

const MAX_BYTES = 10 * 1024 * 1024;
const EXPORTS = ['statistics', 'units', 'assessments', 'models', 'awards'] as const;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Import areas and units from XLSX/CSV (dry run, then an all-or-nothing import); exports; the printed report. */
export function ImportPage() {
  return (
    <AreaPageOnly>
      <ImportPageContent />
    </AreaPageOnly>
  );
}

function ImportPageContent() {
  const trpc = useTRPC();
  const { t, language } = useI18n();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { areaId, year } = useScope();
  const areaName = useScopeName(areaId);
  const query = `${areaId ? `area=${areaId}&` : ''}year=${year ?? ''}`;
  const canImport = canUse(me.data?.role, 'imports.run');

  return (
    <Stack>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {t('exportTitle', { area: areaName, year: year ?? '' })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
          {EXPORTS.map((kind) => (
            <Anchor key={kind} href={`/export/${kind}.xlsx?${query}`} download>
              {t(`export_${kind}` as MessageKey)}
            </Anchor>
          ))}
          <Anchor href={`/print/annual-report?${query}&lang=${language}`} target="_blank" rel="noopener">
            {t('printReport')}
          </Anchor>
        </SimpleGrid>
      </Card>
      {canImport ? (
        <Importer />
      ) : (
        <Alert color="gray" role="status">
          {t('importNotAllowed')}
        </Alert>
      )}
      {me.error && <Alert color="red">{errorText(me.error, language)}</Alert>}
    </Stack>
  );
}

function Importer() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, l, language } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [reading, setReading] = useState(false);
  const dryRun = useMutation(
    trpc.imports.dryRun.mutationOptions({ onSuccess: setResult, onError: (e) => notifyError(e, language) }),
  );
  const commit = useMutation(
    trpc.imports.commit.mutationOptions({
      onSuccess: async (r) => {
        setResult(r);
        if (r.applied) {
          const created = r.counts.areas.create + r.counts.units.create;
          const updated = r.counts.areas.update + r.counts.units.update;
          const reorganised = r.reorganisations.length;
          notifySuccess(
            created + updated === 0 && reorganised === 0
              ? t('importNothing')
              : [
                  ...(created + updated > 0 || reorganised === 0 ? [t('importDone', { created, updated })] : []),
                  ...(reorganised > 0 ? [t('importReorganised', { count: reorganised })] : []),
                ].join(' '),
          );
          await queryClient.invalidateQueries();
        }
      },
      onError: (e) => notifyError(e, language),
    }),
  );

  const input = async () => {
    if (!file) return null;
    if (file.size > MAX_BYTES) {
      setFileError(t('fileTooLarge'));
      return null;
    }
    setReading(true);
    try {
      return {
        format: /\.csv$/i.test(file.name) ? ('csv' as const) : ('xlsx' as const),
        fileName: file.name,
        contentBase64: await toBase64(file),
      };
    } finally {
      setReading(false);
    }
  };
  const changes = result
    ? result.counts.areas.create +
      result.counts.areas.update +
      result.counts.units.create +
      result.counts.units.update +
      result.reorganisations.length
    : 0;

  return (
    <Card withBorder>
      <Title order={2} size="h3">
        {t('importTitle')}
      </Title>
      <Text size="sm" c="dimmed" my="xs">
        {t('importHelp')}
      </Text>
      <Group gap="md" mb="sm">
        <Anchor href="/export/template.xlsx" download>
          {t('templateXlsx')}
        </Anchor>
        <Anchor href="/export/template.csv?table=units" download>
          {t('templateCsvUnits')}
        </Anchor>
        <Anchor href="/export/template.csv?table=areas" download>
          {t('templateCsvAreas')}
        </Anchor>
        <Anchor href="/export/template.csv?table=reorganisations" download>
          {t('templateCsvReorganisations')}
        </Anchor>
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void input().then((i) => i && dryRun.mutate(i));
        }}
      >
        <Group align="flex-end">
          <FileInput
            label={t('chooseFile')}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              setFileError(null);
              setResult(null);
            }}
            error={fileError}
            clearable
            w={360}
            maw="100%"
          />
          <Button type="submit" disabled={!file} loading={reading || dryRun.isPending}>
            {t('dryRun')}
          </Button>
          <Button
            color="green"
            disabled={!result || result.errorCount > 0 || result.applied || changes === 0}
            loading={commit.isPending}
            onClick={() => void input().then((i) => i && commit.mutate(i))}
          >
            {t('importNow')}
          </Button>
        </Group>
      </form>
      {result && (
        <Stack mt="md" data-testid="import-result">
          <Group gap="xs">
            {(['areas', 'units'] as const).map((table) => (
              <Group key={table} gap={4}>
                <Text fw={600} size="sm">
                  {t(`table_${table}`)}:
                </Text>
                <Badge color="green" variant="light">
                  {t('toCreate')} {result.counts[table].create}
                </Badge>
                <Badge color="blue" variant="light">
                  {t('toUpdate')} {result.counts[table].update}
                </Badge>
                <Badge color="gray" variant="light">
                  {t('unchanged')} {result.counts[table].unchanged}
                </Badge>
              </Group>
            ))}
            {result.tables.some((x) => x.table === 'reorganisations') && (
              <Group gap={4}>
                <Text fw={600} size="sm">
                  {t('table_reorganisations')}:
                </Text>
                <Badge color="orange" variant="light">
                  {t('toReorganise')} {result.reorganisations.length}
                </Badge>
              </Group>
            )}
          </Group>
          {result.errorCount > 0 ? (
            <Alert color="red" title={t('importErrors', { count: result.errorCount })} role="alert">
              <Table.ScrollContainer minWidth={560}>
                <Table fz="sm" aria-label={t('importErrors', { count: result.errorCount })}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('sheet')}</Table.Th>
                      <Table.Th>{t('row')}</Table.Th>
                      <Table.Th>{t('column')}</Table.Th>
                      <Table.Th>{t('message')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.errors.map((e, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{e.sheet}</Table.Td>
                        <Table.Td>{e.row}</Table.Td>
                        <Table.Td>{e.column ?? '—'}</Table.Td>
                        <Table.Td>{l(e.message)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Alert>
          ) : (
            <Text size="sm" c="teal.8">
              {t('importNoErrors')}
            </Text>
          )}
          {result.truncated && (
            <Text size="xs" c="dimmed">
              {t('listTruncated')}
            </Text>
          )}
          <Tabs defaultValue={result.reorganisations.length > 0 ? 'reorganisations' : 'units'}>
            <Tabs.List>
              <Tabs.Tab value="units">{t('table_units')}</Tabs.Tab>
              <Tabs.Tab value="areas">{t('table_areas')}</Tabs.Tab>
              <Tabs.Tab value="reorganisations">{t('table_reorganisations')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="reorganisations" pt="xs">
              <ReorganisationTable rows={result.reorganisations} />
            </Tabs.Panel>
            {(['units', 'areas'] as const).map((table) => (
              <Tabs.Panel key={table} value={table} pt="xs">
                <PlanTable
                  rows={[
                    ...result[table].create.map((r) => ['create', r] as const),
                    ...result[table].update.map((r) => ['update', r] as const),
                  ]}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
        </Stack>
      )}
    </Card>
  );
}

function PlanTable({ rows }: { rows: (readonly ['create' | 'update', PlanRow])[] }) {
  const { t, l } = useI18n();
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noData')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('row')}</Table.Th>
            <Table.Th>{t('code')}</Table.Th>
            <Table.Th>{t('name')}</Table.Th>
            <Table.Th>{t('changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([kind, r]) => (
            <Table.Tr key={`${r.sheet}-${r.row}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td ff="monospace">{r.code}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                {kind === 'create' ? (
                  <Badge color="green" variant="light">
                    {t('toCreate')}
                  </Badge>
                ) : (
                  r.changes.map((c) => (
                    <Text key={c.field} size="xs">
                      {l(c.column)}: {String(c.before ?? '—')} → {String(c.after ?? '—')}
                    </Text>
                  ))
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The reorganisations sheet's rows: what each ends and begins, and the units its new areas take over. */
function ReorganisationTable({ rows }: { rows: ReorganisationRow[] }) {
  const { t, formatDate } = useI18n();
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noData')}
      </Text>
    );
  const codes = (areas: { code: string; name: string }[]) => areas.map((a) => `${a.name} (${a.code})`).join(', ');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" striped aria-label={t('table_reorganisations')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('row')}</Table.Th>
            <Table.Th>{t('reorg_kind')}</Table.Th>
            <Table.Th>{t('reorg_effectiveDate')}</Table.Th>
            <Table.Th>{t('reorg_predecessors')}</Table.Th>
            <Table.Th>{t('reorg_successors')}</Table.Th>
            <Table.Th>{t('table_units')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.sheet}-${r.row}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{t(`reorg_kind_${r.kind}` as MessageKey)}</Table.Td>
              <Table.Td>
                {formatDate(r.preview.effectiveDate)}
                <Text size="xs" c="dimmed">
                  {r.preview.note}
                </Text>
              </Table.Td>
              <Table.Td>{codes(r.preview.endAreas)}</Table.Td>
              <Table.Td>{codes(r.preview.newAreas)}</Table.Td>
              <Table.Td>
                {r.preview.units.length}
                <Text size="xs" c="dimmed">
                  {r.preview.units
                    .slice(0, 5)
                    .map((u) => u.to.name)
                    .join(', ')}
                  {r.preview.units.length > 5 ? ', …' : ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
