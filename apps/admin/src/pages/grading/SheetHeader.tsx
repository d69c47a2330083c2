import { UNIT_TYPE_LABELS, type Role } from '@antoan/core';
import { Badge, Group, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import { PrintButton, PrintTitle } from '../../components/PrintParts.js';
import { AnchorLink } from '../../lib/links.js';
import type { SheetData } from './sheet.js';

/** The sheet's title, its unit and file, the template and its legal basis, and when it was last saved. */
export function SheetHeader({ data, year, role }: { data: SheetData; year: number; role: Role | undefined }) {
  const { t, l, formatDate } = useI18n();
  const { unit, template, sheet } = data;
  return (
    <div>
      <PrintTitle title={t('printGradingTitle')} unit={`${unit.name} (${unit.code})`} year={year} />
      <Title order={2}>{t('rec_gradingTitle', { unit: unit.name, year })}</Title>
      <Group gap="xs">
        <AnchorLink to="/units/$unitId" params={{ unitId: unit.id }} size="sm">
          {unit.code}
        </AnchorLink>
        <Badge variant="light">{l(UNIT_TYPE_LABELS[unit.type])}</Badge>
        <AnchorLink to="/units/$unitId/assessment/$year" params={{ unitId: unit.id, year }} size="sm">
          {t('rec_openAssessment')}
        </AnchorLink>
        <PrintButton />
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
      {role === 'admin' && template.groups.some((g) => g.items.some((i) => !i.verified)) && (
        <Text size="xs" c="dimmed">
          * {t('rec_unverifiedItems')}
        </Text>
      )}
    </div>
  );
}
