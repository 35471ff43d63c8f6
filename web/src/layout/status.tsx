import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';

/** A load's error as a readable alert (never a blank page). */
export function ErrorNotice({ error, onRetry }: { error?: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div role="alert" className="notice notice-error">
      <strong>{t('errorTitle')}</strong>: {error.message}
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={`${detail.field}:${detail.message}`}>
              <code>{detail.field}</code> {detail.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

/** An item or case status as a coloured badge with its name in the reader's language. */
export function StatusBadge({ status, kind = 'item' }: { status: string; kind?: 'item' | 'case' }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t(kind === 'item' ? `itemStatus.${status}` : `caseStatus.${status}`)}
    </span>
  );
}
