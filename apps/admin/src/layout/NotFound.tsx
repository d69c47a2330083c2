import { Stack, Title } from '@mantine/core';
import { ButtonLink } from '../lib/links.js';
import { useI18n } from '../i18n.js';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Stack align="flex-start" p="xl">
      <Title order={2}>{t('notFound')}</Title>
      <ButtonLink to="/">{t('backHome')}</ButtonLink>
    </Stack>
  );
}
