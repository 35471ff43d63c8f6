import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/http';
import { refusalLines } from './catalogue-model';

/** A refused selection (422 `selection_refused`): each item and why, in the reader's language. */
export function RefusalNotice({ error, names, ref }: { error: ApiError; names: Record<string, string>; ref?: Ref<HTMLDivElement> }) {
  const { t, i18n } = useTranslation('applicant');
  const lines = refusalLines(error.details, i18n.language);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="notice notice-error" data-testid="selection-refused">
      <strong>{t('apply.refusedTitle')}</strong>
      <ul>
        {lines.length === 0 && <li>{error.message}</li>}
        {lines.map((line, index) => (
          <li key={index} data-refused-item={line.item}>
            {line.item && <strong>{names[line.item] ?? line.item}: </strong>}
            {line.message}
          </li>
        ))}
      </ul>
      <p>{t('apply.refusedHint')}</p>
    </div>
  );
}
