import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from './i18n.js';
import { router } from './router.js';
import { themeFor } from './theme.js';
import { createClient, createQueryClient, TRPCProvider } from './trpc.js';

// Dates are typed as dd/mm/yyyy: the date inputs parse with this plugin.
dayjs.extend(customParseFormat);

function LocalisedApp() {
  const { t, language } = useI18n();
  const theme = useMemo(
    () =>
      themeFor({
        close: t('dismiss'),
        clear: t('clear'),
        calendar: {
          previousMonth: t('prevMonth'),
          nextMonth: t('nextMonth'),
          previousYear: t('prevYear'),
          nextYear: t('nextYear'),
          previousDecade: t('prevDecade'),
          nextDecade: t('nextDecade'),
          monthLevelControl: t('chooseMonth'),
          yearLevelControl: t('chooseYear'),
        },
      }),
    [t],
  );
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <RouterProvider router={router} />
      </DatesProvider>
    </MantineProvider>
  );
}

function Root() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <I18nProvider>
          <LocalisedApp />
        </I18nProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no element #root to render into');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
