import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderPdfPages } from './pdf-pages';

/** The document's pages as images, drawn in the page by pdf.js (no PDF plug-in needed, also on a phone). */
export function PdfPreview({ documentNo, title, load }: { documentNo: string; title: string; load: () => Promise<Blob> }) {
  const { t } = useTranslation('documents');
  const box = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<string[]>();
  const [error, setError] = useState<string>();
  // The caller's loader may be a new function on every render: only another document reloads.
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    let cancelled = false;
    const urls: string[] = [];
    const width = Math.min(box.current?.clientWidth ?? 800, 900);
    loader.current()
      .then((pdf) => pdf.arrayBuffer())
      .then((data) => renderPdfPages(data, width))
      .then((blobs) => {
        urls.push(...blobs.map((blob) => URL.createObjectURL(blob)));
        if (!cancelled) setPages(urls);
      })
      .catch((reason: unknown) => !cancelled && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      cancelled = true;
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [documentNo]);

  return (
    <div ref={box} className="pdf-preview" data-preview={documentNo} data-pages={pages?.length ?? 0} aria-live="polite">
      {error && (
        <p className="notice notice-error" role="alert">
          {t('preview.failed', { reason: error })}
        </p>
      )}
      {!error && !pages && <p>{t('preview.loading')}</p>}
      {pages?.map((url, index) => <img key={url} src={url} alt={t('preview.page', { n: index + 1, of: pages.length, title })} />)}
    </div>
  );
}
