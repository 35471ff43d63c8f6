import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../layout/status';
import { useApp } from '../../session/app-context';

/** Withdraws the items not yet final, after a confirmation in the page (with an optional reason). */
export function WithdrawPanel({ caseId, onWithdrawn }: { caseId: string; onWithdrawn(): void }) {
  const { t } = useTranslation('applicant');
  const { api } = useApp();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) reasonRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.withdraw(caseId, reason.trim() || undefined);
      onWithdrawn();
    } catch (reasonError) {
      setError(reasonError instanceof Error ? reasonError : new Error(String(reasonError)));
    } finally {
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <p className="no-print">
        <button ref={openRef} type="button" className="danger" data-testid="withdraw" onClick={() => setConfirming(true)}>
          {t('withdraw.button')}
        </button>
      </p>
    );
  }
  return (
    <form
      className="card withdraw-confirm"
      aria-labelledby="withdraw-title"
      aria-describedby="withdraw-warning"
      data-testid="withdraw-confirm"
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setConfirming(false);
      }}
    >
      <h2 id="withdraw-title">{t('withdraw.title')}</h2>
      <p id="withdraw-warning">{t('withdraw.warning')}</p>
      <label htmlFor="withdraw-reason">
        {t('withdraw.reason')} <span className="muted">({t('common:optional')})</span>
      </label>
      <textarea id="withdraw-reason" ref={reasonRef} name="reason" rows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
      <ErrorNotice error={error} />
      <div className="row actions">
        <button type="submit" className="danger" disabled={busy} data-testid="confirm-withdraw">
          {busy ? t('withdraw.busy') : t('withdraw.confirm')}
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          {t('withdraw.cancel')}
        </button>
      </div>
    </form>
  );
}
