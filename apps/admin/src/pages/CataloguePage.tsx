import {
  BUILTIN_CATALOGUES,
  INCIDENT_EXCEPTION_LABELS,
  UNIT_TYPE_LABELS,
  type Catalogue,
  type Criterion,
  type LocalizedText,
} from '@antoan/core';
import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n.js';
import { LoadingBlock } from '../components/QueryStates.js';
import { useRole } from './records/access.js';

/** The lettered items, parts and checklist items of a criterion, each with its own source and verification. */
function subItems(
  c: Criterion,
): { label: string; text: LocalizedText; verified: boolean; source?: string | undefined; extra?: string }[] {
  switch (c.kind) {
    case 'disqualifying':
      return c.items.map((i) => ({
        label: `${i.letter})`,
        text: i.text,
        verified: i.verified,
        source: i.source,
        extra: (i.exceptions ?? []).join(', '),
      }));
    case 'parts':
      return c.parts.flatMap((p) => [
        {
          label: `${p.letter})`,
          text: p.text,
          verified: p.verified,
          source: p.source,
          extra: (p.incidents?.exceptions ?? []).join(', '),
        },
        ...(p.checklist ?? []).map((i) => ({
          label: `${p.letter}) ·`,
          text: i.text,
          verified: i.verified,
          source: i.source,
        })),
      ]);
    case 'requirement':
    case 'ratio':
    case 'rating':
      return c.checklist.map((i) => ({ label: '·', text: i.text, verified: i.verified, source: i.source }));
    default:
      return [];
  }
}

/** What the engine reads of a criterion besides its text: its kind and parameters. */
function parameters(c: Criterion, l: (text: LocalizedText) => string): string {
  switch (c.kind) {
    case 'ratio':
      return `≥ ${Math.round(c.minimum * 1000) / 10}% (${l(c.numerator)} / ${l(c.denominator)})`;
    case 'managed_threshold':
      return `${c.managedTypes.join(', ')}: ${c.registeredMinimum === null ? '' : `≥ ${c.registeredMinimum * 100}% / `}≥ ${c.recognisedMinimum * 100}%`;
    case 'composite':
      return `${c.criteria.join(', ')} — ${c.overTypes.join(', ')} ≥ ${c.minimumShare * 100}%`;
    case 'rating':
      return c.levels.map((level) => `${level.passes ? '✓' : '✗'} ${l(level.text)}`).join('; ');
    case 'comparison':
      return `${c.metrics.join(', ')} (${c.aggregate}, +${c.maxIncrease})`;
    default:
      return '';
  }
}

function CatalogueCard({ catalogue, base }: { catalogue: Catalogue; base: Catalogue | undefined }) {
  const { t, l, formatDate } = useI18n();
  const baseCodes = new Set(base?.criteria.map((c) => c.code) ?? []);
  return (
    <Card withBorder component="section" aria-labelledby={`catalogue-${catalogue.id}`} data-catalogue={catalogue.id}>
      <Title order={2} size="h4" id={`catalogue-${catalogue.id}`}>
        {l(catalogue.title)}
      </Title>
      <Text size="sm">{l(catalogue.legalBasis)}</Text>
      <Text size="sm" c="dimmed">
        {t('cat_inForce', {
          from: formatDate(catalogue.effectiveFrom),
          to: catalogue.effectiveTo ? formatDate(catalogue.effectiveTo) : '…',
        })}
      </Text>
      {catalogue.notes && (
        <Alert color="orange" variant="light" mt="xs">
          {l(catalogue.notes)}
        </Alert>
      )}
      <Table mt="sm" striped verticalSpacing="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('criterion')}</Table.Th>
            <Table.Th>{t('cat_wording')}</Table.Th>
            <Table.Th w="22%">{t('cat_source')}</Table.Th>
            <Table.Th w={130}>{t('cat_verification')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {catalogue.criteria.map((c) => (
            <Table.Tr key={c.code} data-criterion={c.code}>
              <Table.Td valign="top">
                <Text size="sm" ff="monospace">
                  {c.code}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.unitTypes.map((type) => l(UNIT_TYPE_LABELS[type])).join(', ')}
                </Text>
                {base && !baseCodes.has(c.code) && (
                  <Badge size="xs" color="grape" variant="light">
                    {t('cat_provinceAddition')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td valign="top">
                <Text size="sm" fw={600}>
                  {l(c.title)}
                </Text>
                <Text size="xs">{l(c.explanation)}</Text>
                {parameters(c, l) && (
                  <Text size="xs" c="dimmed">
                    {c.kind}: {parameters(c, l)}
                  </Text>
                )}
                <Stack gap={0} mt={4}>
                  {subItems(c).map((i, k) => (
                    <Text key={k} size="xs" c={i.verified ? undefined : 'orange.8'}>
                      {i.label} {l(i.text)}
                      {i.source ? ` — ${i.source}` : ''}
                      {i.extra
                        ? ` — ${t('exception')}: ${i.extra
                            .split(', ')
                            .map((e) => l(INCIDENT_EXCEPTION_LABELS[e as keyof typeof INCIDENT_EXCEPTION_LABELS]))
                            .join('; ')}`
                        : ''}
                      {i.verified ? '' : ` (${t('cat_notChecked')})`}
                    </Text>
                  ))}
                </Stack>
                {c.note && (
                  <Text size="xs" c="orange.8" mt={4} data-testid="criterion-note">
                    {l(c.note)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td valign="top">
                <Text size="xs">{c.source ?? '—'}</Text>
              </Table.Td>
              <Table.Td valign="top">
                <Badge color={c.verified ? 'teal' : 'orange'} variant="light" data-verified={c.verified}>
                  {c.verified ? t('cat_checked') : t('cat_notChecked')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5" mt="md">
        {t('cat_eligibility')}
      </Title>
      {catalogue.eligibility.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cat_noExclusion')}
        </Text>
      ) : (
        catalogue.eligibility.map((rule) => (
          <Group key={rule.id} gap="xs">
            <Text size="sm">{l(rule.reason)}</Text>
            {!rule.verified && (
              <Badge size="xs" color="orange" variant="light">
                {t('cat_notChecked')}
              </Badge>
            )}
          </Group>
        ))
      )}
    </Card>
  );
}

/**
 * For administrators only: every criterion of every catalogue with its legal source, whether its wording was
 * checked against the legal text, the notes on what is missing ("chưa đối chiếu văn bản"), and the province's
 * own additions. Officials see the criteria's wording and source on the assessment form, not these doubts.
 */
export function CataloguePage() {
  const { t } = useI18n();
  const role = useRole();
  if (role === undefined) return <LoadingBlock />;
  if (role !== 'admin') {
    return (
      <Alert color="gray" role="status">
        {t('cat_adminsOnly')}
      </Alert>
    );
  }
  const byId = new Map(BUILTIN_CATALOGUES.map((c) => [c.id, c]));
  return (
    <Stack>
      <Title order={1} size="h3">
        {t('nav_catalogue')}
      </Title>
      {[...BUILTIN_CATALOGUES].reverse().map((catalogue) => (
        <CatalogueCard
          key={catalogue.id}
          catalogue={catalogue}
          base={catalogue.extends ? byId.get(catalogue.extends) : undefined}
        />
      ))}
    </Stack>
  );
}
