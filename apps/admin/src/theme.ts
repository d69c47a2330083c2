import { createTheme, type MantineThemeOverride } from '@mantine/core';

/** The names Mantine's icon-only buttons need, in the user's language (Mantine gives them none). */
export interface ThemeLabels {
  close: string;
  clear: string;
  /** The calendar's previous/next and level buttons. */
  calendar: {
    previousMonth: string;
    nextMonth: string;
    previousYear: string;
    nextYear: string;
    previousDecade: string;
    nextDecade: string;
    monthLevelControl: string;
    yearLevelControl: string;
  };
}

/** Sober colours of an administrative tool; sizes that stay usable on a tablet. */
export const themeFor = (labels: ThemeLabels): MantineThemeOverride =>
  createTheme({
    primaryColor: 'red',
    primaryShade: 8,
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
    defaultRadius: 'sm',
    // Who asks their system for less motion gets no transitions (modals, menus, notifications appear at once).
    respectReducedMotion: true,
    headings: { fontWeight: '650' },
    components: {
      Button: { defaultProps: { size: 'sm' } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Alert: { defaultProps: { closeButtonLabel: labels.close } },
      Select: { defaultProps: { clearButtonProps: { 'aria-label': labels.clear } } },
      MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': labels.clear } } },
      FileInput: { defaultProps: { clearButtonProps: { 'aria-label': labels.clear } } },
      DateInput: { defaultProps: { clearButtonProps: { 'aria-label': labels.clear }, ariaLabels: labels.calendar } },
    },
  });
