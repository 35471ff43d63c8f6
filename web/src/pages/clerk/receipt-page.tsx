import { type HTMLAttributes, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type CaseView, FINAL_STATUSES } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { chinaDate, chinaDateTime } from '../../format/china-time';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { type Bilingual, followUrl, type ReceiptItem, receiptItems, receiptMaterials, shortReference, shouldPollForDueDates } from './clerk-model';

const POLL_MS = 2_000;

/** The case, polled until every item has its due date or 30 s have passed. */
function useCaseUntilDueDates(caseId: string) {
  const { api } = useApp();
  const [view, setView] = useState<CaseView>();
  const [error, setError] = useState<Error>();
  const [polling, setPolling] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = Date.now();
    setPolling(true);
    const load = async () => {
      try {
        const next = await api.case(caseId);
        if (stopped) return;
        setView(next);
        setError(undefined);
        if (shouldPollForDueDates(next, Date.now() - started)) timer = setTimeout(() => void load(), POLL_MS);
        else setPolling(false);
      } catch (reason) {
        if (stopped) return;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
        setPolling(false);
      }
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, caseId, attempt]);

  return { view, error, polling, retry: () => setAttempt((value) => value + 1) };
}

/** A label in Chinese and English side by side (the receipt is for foreign applicants and the window). */
function Bi({ text }: { text: Bilingual }) {
  return (
    <span className="bi">
      <span lang="zh-CN">{text.zh}</span>
      <span lang="en" className="bi-en">
        {text.en}
      </span>
    </span>
  );
}

/** A term of the receipt's facts (both languages) and its value. */
function ReceiptFact({ term, children, ...value }: { term: Bilingual; children: ReactNode } & HTMLAttributes<HTMLElement>) {
  return (
    <>
      <dt>
        <Bi text={term} />
      </dt>
      <dd {...value}>{children}</dd>
    </>
  );
}

/** A section of the receipt under its heading (both languages). */
function ReceiptSection({ id, title, children }: { id: string; title: Bilingual; children: ReactNode }) {
  return (
    <section className="receipt-section" aria-labelledby={id}>
      <h2 id={id}>
        <Bi text={title} />
      </h2>
      {children}
    </section>
  );
}

/** The printable acceptance receipt (受理回执) of a case accepted at the window. */
export function ReceiptPage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation('clerk');
  const { api, session } = useApp();
  const { view, error, polling, retry } = useCaseUntilDueDates(caseId);
  const catalogues = useResource(() => Promise.all([api.catalogue('zh'), api.catalogue('en')]).then(([zh, en]) => ({ zh, en })), [api]);

  const zh = i18n.getFixedT('zh', 'clerk');
  const en = i18n.getFixedT('en', 'clerk');
  const pageTitle = `${zh('receipt.title')} ${en('receipt.title')} ${caseId}`;

  // The printed page's header names the receipt.
  useEffect(() => {
    const previous = document.title;
    document.title = pageTitle;
    return () => {
      document.title = previous;
    };
  }, [pageTitle]);

  const zhCommon = i18n.getFixedT('zh', 'common');
  const enCommon = i18n.getFixedT('en', 'common');
  const label = (key: string, options?: Record<string, unknown>): Bilingual => ({ zh: zh(`receipt.${key}`, options), en: en(`receipt.${key}`, options) });
  const common = (key: string): Bilingual => ({ zh: zhCommon(key), en: enCommon(key) });
  const columns = (...keys: string[]) => keys.map((key) => <Bi text={label(key)} />);

  if (!view) {
    return error ? <ErrorNotice error={error} onRetry={retry} /> : <Loading />;
  }

  const items = receiptItems(view, catalogues.data ?? {});
  const materials = receiptMaterials(view, catalogues.data ?? {});
  const url = followUrl(window.location.origin, view.caseId);

  const timeLimit = (item: ReceiptItem): Bilingual | null => (item.timeLimit ? label(item.timeLimit.unit === 'calendar_days' ? 'calendarDays' : 'workingDays', { amount: item.timeLimit.amount }) : null);
  const due = (item: ReceiptItem) => {
    if (item.dueDate) {
      return (
        <>
          <span className="receipt-due">{item.dueDate}</span>
          {item.dueDateProvisional && (
            <span className="receipt-provisional">
              (<Bi text={label('provisional')} />)
            </span>
          )}
        </>
      );
    }
    if (FINAL_STATUSES.includes(item.status)) return <Bi text={common(`itemStatus.${item.status}`)} />;
    return <Bi text={label(item.status === 'pending' && !polling ? 'dueAfterPrerequisite' : 'dueToBeSet')} />;
  };

  return (
    <>
      <div className="row receipt-tools no-print">
        <button type="button" className="primary" onClick={() => window.print()} data-testid="print-receipt">
          {t('receiptPage.print')}
        </button>
        <Link to="/clerk" className="button">
          {t('receiptPage.another')}
        </Link>
        <Link to={`/cases/${encodeURIComponent(view.caseId)}`}>{t('receiptPage.openCase')}</Link>
      </div>
      <p className="no-print hint" role="status" data-testid="receipt-status">
        {polling ? t('receiptPage.waiting') : items.some((item) => !item.dueDate && !FINAL_STATUSES.includes(item.status)) ? t('receiptPage.waitOver') : t('receiptPage.ready')}
      </p>
      {error && (
        <div className="no-print">
          <ErrorNotice error={error} onRetry={retry} />
        </div>
      )}

      <article className="receipt" aria-labelledby="receipt-title" data-testid="receipt" data-case-id={view.caseId}>
        <header className="receipt-head">
          <p className="receipt-issuer">
            <Bi text={label('issuer')} />
          </p>
          <h1 id="receipt-title">
            <Bi text={label('title')} />
          </h1>
        </header>

        <div className="receipt-reference">
          <p className="receipt-label">
            <Bi text={label('caseId')} />
          </p>
          <p className="receipt-case-id" data-testid="receipt-case-id">
            {view.caseId}
          </p>
          <p>
            <Bi text={label('shortReference')} />: <strong className="receipt-short" data-testid="receipt-short-reference">{shortReference(view.caseId)}</strong>
          </p>
        </div>

        <dl className="receipt-facts">
          <ReceiptFact term={label('acceptedAt')} data-testid="receipt-accepted-at">
            {chinaDateTime(view.submittedAt)} <Bi text={label('chinaTime')} />
          </ReceiptFact>
          <ReceiptFact term={label('channel')} data-testid="receipt-channel" data-channel={view.channel}>
            <Bi text={common(`channel.${view.channel}`)} />
          </ReceiptFact>
          <ReceiptFact term={label('window')} data-testid="receipt-clerk">
            <Bi text={label('windowName')} /> · {session?.subject ?? ''}
          </ReceiptFact>
        </dl>

        <ReceiptSection id="receipt-items-title" title={label('items')}>
          <DataTable className="receipt-table" labelledBy="receipt-items-title" data-testid="receipt-items" columns={columns('number', 'item', 'agency', 'timeLimit', 'dueDate')}>
            {items.map((item, index) => {
              const limit = timeLimit(item);
              return (
                <tr key={item.code} data-item={item.code} data-due-date={item.dueDate ?? ''}>
                  <td>{index + 1}</td>
                  <th scope="row">
                    <Bi text={item.name} />
                    <span className="receipt-action">
                      <Bi text={{ zh: `${zh('receipt.action')}：${item.actionName.zh}`, en: `${en('receipt.action')}: ${item.actionName.en}` }} />
                    </span>
                  </th>
                  <td>
                    <Bi text={item.agencyName ?? common(`agencies.${item.agency}`)} />
                  </td>
                  <td>{limit ? <Bi text={limit} /> : '—'}</td>
                  <td>{due(item)}</td>
                </tr>
              );
            })}
          </DataTable>
        </ReceiptSection>

        <ReceiptSection id="receipt-materials-title" title={label('materials')}>
          {materials.length === 0 ? (
            <p>
              <Bi text={label('noMaterials')} />
            </p>
          ) : (
            <DataTable className="receipt-table" labelledBy="receipt-materials-title" data-testid="receipt-materials" columns={columns('number', 'material', 'fileName', 'issuedAt')}>
              {materials.map((material, index) => (
                <tr key={`${material.code}/${index}`} data-material={material.code}>
                  <td>{index + 1}</td>
                  <th scope="row">
                    <Bi text={material.name} />
                  </th>
                  <td className="receipt-file">{material.fileName}</td>
                  <td>{material.issuedAt || '—'}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </ReceiptSection>

        <ReceiptSection id="receipt-follow-title" title={label('follow')}>
          <p>
            <Bi text={label('followHint')} />
          </p>
          <p className="receipt-url" data-testid="receipt-follow-url">
            <a href={url}>{url}</a>
          </p>
        </ReceiptSection>

        <p className="receipt-notice">
          <Bi text={label('notice')} />
        </p>

        <footer className="receipt-sign">
          <p>
            <Bi text={label('signature')} />
            <span className="receipt-line" aria-hidden="true" />
          </p>
          <p>
            <Bi text={label('seal')} />
            <span className="receipt-seal" aria-hidden="true" />
          </p>
          <p>
            <Bi text={label('date')} />: {chinaDate(view.submittedAt)}
          </p>
        </footer>
      </article>
    </>
  );
}
