import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { formatMoment } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { type CaseDocumentEntry, fileNameOf, newestFirst, titleIn } from './documents-model';
import { PdfPreview } from './pdf-preview';
import './documents.css';

const POLL_MS = 5000;

/** The case's formal documents, newest first: each downloadable (PDF, Chinese with English) and previewed in the page. */
export function CaseDocuments({ caseId, names }: { caseId: string; names: Record<string, string> }) {
  const { t, i18n } = useTranslation('documents');
  const lang = langOf(i18n.language);
  const { api } = useApp();
  const list = useResource(() => api.caseDocuments(caseId), [api, caseId], POLL_MS);
  const documents = useMemo(() => newestFirst(list.data ?? []), [list.data]);
  const [previewed, setPreviewed] = useState<string>();
  const [error, setError] = useState<Error>();
  const load = useCallback((documentNo: string) => api.document(documentNo), [api]);
  const shown = documents.find((document) => document.documentNo === previewed);

  async function download(document: CaseDocumentEntry) {
    setError(undefined);
    try {
      const url = URL.createObjectURL(await api.document(document.documentNo));
      const link = window.document.createElement('a');
      link.href = url;
      link.download = fileNameOf(document);
      window.document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (reason) {
      setError(new Error(t('list.failed', { title: titleIn(document, lang), reason: reason instanceof Error ? reason.message : String(reason) })));
    }
  }

  return (
    <section aria-labelledby="case-documents-heading" data-testid="case-documents">
      <h2 id="case-documents-heading">{t('list.title')}</h2>
      <ErrorNotice error={error ?? (list.data ? undefined : list.error)} />
      {documents.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <DataTable labelledBy="case-documents-heading" columns={[t('list.document'), t('list.item'), t('list.issuedAt'), t('list.actions')]}>
          {documents.map((document) => {
            const title = titleIn(document, lang);
            return (
              <tr key={document.documentNo} data-document={document.documentNo} data-kind={document.kind}>
                <th scope="row">
                  <span className="document-title">{title}</span>
                  <span className="document-meta">
                    {t(`kind.${document.kind}`)} · <code>{document.documentNo}</code>
                  </span>
                </th>
                <td>{document.item ? (names[document.item] ?? document.item) : '—'}</td>
                <td className="nowrap">
                  <time dateTime={document.issuedAt}>{formatMoment(document.issuedAt, lang)}</time>
                </td>
                <td className="document-actions">
                  <button type="button" aria-label={t('list.downloadLabel', { title })} onClick={() => void download(document)}>
                    {t('list.download')}
                  </button>
                  <button
                    type="button"
                    aria-expanded={previewed === document.documentNo}
                    aria-label={previewed === document.documentNo ? t('list.hide') : t('list.previewLabel', { title })}
                    onClick={() => setPreviewed(previewed === document.documentNo ? undefined : document.documentNo)}
                  >
                    {previewed === document.documentNo ? t('list.hide') : t('list.preview')}
                  </button>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {shown && <PdfPreview key={shown.documentNo} documentNo={shown.documentNo} title={titleIn(shown, lang)} load={() => load(shown.documentNo)} />}
    </section>
  );
}
