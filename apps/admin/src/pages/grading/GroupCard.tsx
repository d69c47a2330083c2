import type { ItemScore, SheetItem } from '@antoan/core';
import { Card, Group, Table, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import { useRole } from '../records/access.js';
import { ScoreInput } from './ScoreInput.js';
import type { ScoreKind, Scores, SheetData } from './sheet.js';

type SheetGroup = SheetData['template']['groups'][number];

/** One group of the sheet: its points so far and a row per item with the self and verified scores. */
export function GroupCard({
  group,
  totals,
  points,
  scores,
  errors,
  canSelf,
  canVerify,
  onChange,
}: {
  group: SheetGroup;
  totals: { points: number; maxPoints: number } | undefined;
  /** The points each item counts for now, by item code. */
  points: ReadonlyMap<string, number>;
  scores: Scores;
  errors: Record<string, string>;
  canSelf: boolean;
  canVerify: boolean;
  onChange: (code: string, kind: ScoreKind, value: number | null) => void;
}) {
  const { t, l, formatNumber } = useI18n();
  return (
    <Card withBorder padding="sm">
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
                points={points.get(item.code)}
                errors={errors}
                canSelf={canSelf}
                canVerify={canVerify}
                onChange={onChange}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
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
  onChange: (code: string, kind: ScoreKind, value: number | null) => void;
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
