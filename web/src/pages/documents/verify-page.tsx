import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/http';
import { useResource } from '../../api/use-resource';
import { langOf } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { itemNames } from '../applicant/catalogue-model';
import { normalizeDocumentNo, type Verification } from './documents-model';
import './documents.css';

/** The public verification page an e-permit's QR code opens: is this document valid, and whose (masked)? */
export function VerifyPage() {
  const { documentNo = '' } = useParams();
  const { t, i18n } = useTranslation('documents');
  const lang = langOf(i18n.language);
  const { api } = useApp();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(documentNo);
  const result = useResource(() => (documentNo ? api.verify(documentNo) : Promise.resolve(undefined)), [api, documentNo]);
  const catalogue = useResource(() => api.catalogue(lang), [api, lang]);
  const names = itemNames(catalogue.data);

  function check(event: FormEvent) {
    event.preventDefault();
    const number = normalizeDocumentNo(typed);
    if (number) void navigate(`/verify/${encodeURIComponent(number)}`);
  }

  const notFound = result.error instanceof ApiError && result.error.status === 404;
  return (
    <div className="verify-page">
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <form className="verify-form" onSubmit={check} data-testid="verify-form">
        <div>
          <label htmlFor="verify-document-no">{t('verify.documentNo')}</label>
          <input id="verify-document-no" name="documentNo" value={typed} autoComplete="off" spellCheck={false} onChange={(event) => setTyped(event.target.value)} />
        </div>
        <button type="submit">{t('verify.check')}</button>
      </form>
      {documentNo && (
        <section className="verify-result" aria-live="polite" data-testid="verification">
          {notFound ? (
            <p className="notice notice-error" role="status" data-verification="not_found">
              {t('verify.notFound')}
            </p>
          ) : result.error ? (
            <ErrorNotice error={result.error} onRetry={result.reload} />
          ) : result.data ? (
            <VerificationFacts verification={result.data} itemName={result.data.item ? (names[result.data.item] ?? result.data.item) : undefined} />
          ) : (
            <Loading />
          )}
        </section>
      )}
    </div>
  );
}

function VerificationFacts({ verification, itemName }: { verification: Verification; itemName?: string }) {
  const { t } = useTranslation('documents');
  return (
    <>
      <p className="verify-status">
        {t('verify.statusLabel')}{' '}
        <span className={`badge badge-${verification.status}`} data-verification={verification.status}>
          {t(`verify.status.${verification.status}`)}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('verify.documentNo')}</dt>
        <dd>
          <code>{verification.documentNo}</code>
        </dd>
        <dt>{t('verify.kind')}</dt>
        <dd>{t(`kind.${verification.kind}`)}</dd>
        {itemName && (
          <>
            <dt>{t('verify.item')}</dt>
            <dd>{itemName}</dd>
          </>
        )}
        <dt>{t('verify.holder')}</dt>
        <dd data-testid="verification-holder">{verification.holder || '—'}</dd>
        {verification.validFrom && verification.validTo && (
          <>
            <dt>{t('verify.validity')}</dt>
            <dd>{t('verify.validityRange', { from: verification.validFrom, to: verification.validTo })}</dd>
          </>
        )}
      </dl>
      <p className="hint">{t('verify.privacy')}</p>
    </>
  );
}
