import { errorText } from '../errors.js';
import { useI18n } from '../i18n.js';

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { language, t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <span>{errorText(error, language)}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
