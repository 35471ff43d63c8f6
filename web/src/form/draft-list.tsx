import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DraftSummary } from '../api/types';
import { useResource } from '../api/use-resource';
import { formatMoment } from '../format/china-time';
import { langOf } from '../i18n/i18n';
import { DataTable } from '../layout/data-table';
import { ErrorNotice } from '../layout/status';
import { useApp } from '../session/app-context';

/**
 * The caller's drafts (`GET /api/drafts`), newest first: whom and what each is for, when it was saved
 * and until when it is kept; continue one (`continueHref`) or delete it.
 */
export function DraftList({ continueHref, itemName = (code) => code }: { continueHref(draft: DraftSummary): string; itemName?(code: string): string }) {
  const { t, i18n } = useTranslation('form');
  const { api } = useApp();
  const lang = langOf(i18n.language);
  const drafts = useResource(() => api.drafts(), [api]);
  const [deleteError, setDeleteError] = useState<Error>();

  async function remove(draftId: string) {
    setDeleteError(undefined);
    try {
      await api.deleteDraft(draftId);
    } catch (error) {
      setDeleteError(error instanceof Error ? error : new Error(String(error)));
    }
    drafts.reload();
  }

  return (
    <section aria-labelledby="drafts-heading" className="drafts" data-testid="my-drafts">
      <h2 id="drafts-heading">{t('drafts.title')}</h2>
      <p className="hint">{t('drafts.intro')}</p>
      <ErrorNotice error={drafts.error ?? deleteError} onRetry={drafts.reload} />
      {drafts.data && drafts.data.length === 0 && <p data-testid="no-drafts">{t('drafts.empty')}</p>}
      {drafts.data && drafts.data.length > 0 && (
        <DataTable labelledBy="drafts-heading" className="drafts-table" columns={[t('drafts.for'), t('drafts.items'), t('drafts.savedAt'), t('drafts.keptUntil'), t('drafts.actions')]}>
          {drafts.data.map((draft) => {
            const time = formatMoment(draft.updatedAt, lang);
            return (
              <tr key={draft.draftId} data-draft={draft.draftId}>
                <th scope="row">{draft.applicantName ?? <span className="hint">{t('drafts.unnamed')}</span>}</th>
                <td>{draft.items.map((item) => itemName(item.code)).join(lang === 'zh' ? '、' : ', ')}</td>
                <td>
                  <time dateTime={draft.updatedAt}>{time}</time>
                </td>
                <td>
                  <time dateTime={draft.expiresAt}>{formatMoment(draft.expiresAt, lang)}</time>
                </td>
                <td className="nowrap">
                  <Link className="button" to={continueHref(draft)} aria-label={t('drafts.continueLabel', { time })} data-continue-draft={draft.draftId}>
                    {t('drafts.continue')}
                  </Link>{' '}
                  <button type="button" onClick={() => void remove(draft.draftId)} aria-label={t('drafts.deleteLabel', { time })} data-delete-draft={draft.draftId}>
                    {t('drafts.delete')}
                  </button>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
