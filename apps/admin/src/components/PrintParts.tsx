import { vietnamDate } from '@antoan/core';
import { Button, Text } from '@mantine/core';
import { useI18n } from '../i18n.js';

/** The "In" button of a page that prints: the browser's print dialog, the page's print styles doing the rest. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button variant="default" size="xs" className="no-print" onClick={() => window.print()} data-testid="print-button">
      {t('print')}
    </Button>
  );
}

/**
 * The block at the top of a printed page (hidden on screen): what it is, the unit and its area, the year and
 * the day it was printed, dd/mm/yyyy in both languages (an official paper's date).
 */
export function PrintTitle({ title, unit, area, year }: { title: string; unit: string; area?: string; year: number }) {
  const { t } = useI18n();
  const printedOn = vietnamDate(new Date()).split('-').reverse().join('/');
  return (
    <div className="print-only print-title" data-testid="print-title">
      <Text fw={700} fz="lg" tt="uppercase">
        {title}
      </Text>
      <Text size="sm">
        {t('printUnit')}: {unit}
        {area ? ` — ${area}` : ''}
      </Text>
      <Text size="sm">
        {t('printYear')}: {year}. {t('printDate')}: {printedOn}
      </Text>
    </div>
  );
}
