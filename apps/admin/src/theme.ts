import { createTheme } from '@mantine/core';

/** Sober colours of an administrative tool; sizes that stay usable on a tablet. */
export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  defaultRadius: 'sm',
  headings: { fontWeight: '650' },
  components: {
    Button: { defaultProps: { size: 'sm' } },
  },
});
