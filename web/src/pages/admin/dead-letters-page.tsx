import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useResource } from '../../api/use-resource';
import { formatMoment } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { DeadLettersApi } from './dead-letters-api';
import {
  canResolve,
  DEAD_LETTER_SERVICES,
  type DeadLetterDetailView,
  type DeadLetterService,
  type DeadLetterView,
  discardBodyOf,
  discardProblemOf,
  DISCARD_REASON_MAX_LENGTH,
  eventText,
  filterOf,
  isDeadLetterService,
  refusalOf,
  rowsOf,
  serviceOf,
} from './dead-letters-model';

/** `/admin/dead-letters`: a service's dead letters; open one, replay it after the fix or discard it with a reason. */
export function DeadLettersPage() {
  const { t } = useTranslation('admin');
  const { config, session } = useApp();
  const api = useMemo(() => new DeadLettersApi(config, session?.token), [config, session?.token]);
  const [params, setParams] = useSearchParams();
  const service = serviceOf(params);
  const filter = filterOf(params);
  const list = useResource(() => api.list(service, filter), [api, service, filter]);
  const [openId, setOpenId] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const formId = useId();

  // Another service's ids mean nothing here.
  useEffect(() => setOpenId(undefined), [service]);

  function choose(next: { service?: DeadLetterService; show?: 'waiting' | 'all' }) {
    const search = new URLSearchParams(params);
    if (next.service) search.set('service', next.service);
    if (next.show) search.set('show', next.show);
    setParams(search, { replace: true });
    setAnnouncement('');
  }

  return (
    <section className="admin dead-letters">
      <h1>{t('deadLetters.title')}</h1>
      <p className="muted">{t('deadLetters.intro')}</p>
      <form className="card filters" aria-label={t('deadLetters.controls')} onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${formId}-service`}>{t('deadLetters.service')}</label>
        <select
          id={`${formId}-service`}
          name="service"
          value={service}
          onChange={(event) => isDeadLetterService(event.target.value) && choose({ service: event.target.value })}
        >
          {DEAD_LETTER_SERVICES.map((value) => (
            <option key={value} value={value}>
              {t(`services.${value}`)}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('deadLetters.show')}</legend>
          {(['waiting', 'all'] as const).map((value) => (
            <label key={value} className="choice" htmlFor={`${formId}-show-${value}`}>
              <input id={`${formId}-show-${value}`} type="radio" name="show" value={value} checked={filter === value} onChange={() => choose({ show: value })} />
              {t(value === 'waiting' ? 'deadLetters.showWaiting' : 'deadLetters.showAll')}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={list.reload}>
          {t('deadLetters.refresh')}
        </button>
      </form>
      <p role="status" aria-live="polite" className={announcement ? 'notice notice-ok' : undefined}>
        {announcement}
      </p>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && list.loading && <Loading />}
      {list.data && (
        <DeadLetterTable
          service={service}
          group={list.data.group}
          deadLetters={rowsOf(list.data.deadLetters)}
          openId={openId}
          onOpen={(id) => {
            setOpenId(id);
            setAnnouncement('');
          }}
        />
      )}
      {openId && (
        <DeadLetterDetail
          key={`${service} ${openId}`}
          api={api}
          service={service}
          id={openId}
          onClose={() => setOpenId(undefined)}
          onResolved={(text) => {
            setAnnouncement(text);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

function StatusText({ status }: { status: DeadLetterView['status'] }) {
  const { t } = useTranslation('admin');
  return (
    <span className={`badge badge-dead-letter-${status}`} data-status={status}>
      {t(`deadLetters.status.${status}`)}
    </span>
  );
}

function DeadLetterTable({ service, group, deadLetters, openId, onOpen }: { service: DeadLetterService; group: string; deadLetters: DeadLetterView[]; openId?: string; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation('admin');
  const lang = langOf(i18n.language);
  const headingId = useId();
  return (
    <>
      <h2 id={headingId}>
        {t('deadLetters.caption', { service: t(`services.${service}`) })} <span className="muted">{t('deadLetters.group', { group })}</span>
      </h2>
      {deadLetters.length === 0 ? (
        <p className="notice" data-testid="dead-letters-empty">
          {t('deadLetters.empty')}
        </p>
      ) : (
        <DataTable
          className="wide"
          labelledBy={headingId}
          data-testid="dead-letters"
          columns={['id', 'eventType', 'caseId', 'code', 'reason', 'failedAt', 'status', 'actions'].map((column) => t(`deadLetters.columns.${column}`))}
        >
          {deadLetters.map((deadLetter) => (
            <tr key={deadLetter.id} data-dead-letter={deadLetter.id} aria-current={deadLetter.id === openId ? 'true' : undefined}>
              <td>
                <code>{deadLetter.id}</code>
              </td>
              <td>{deadLetter.eventType ?? t('none')}</td>
              <td>{deadLetter.key ? <code>{deadLetter.key}</code> : t('none')}</td>
              <td>
                <code>{deadLetter.code}</code>
              </td>
              <td>{deadLetter.reason}</td>
              <td>{formatMoment(deadLetter.failedAt, lang)}</td>
              <td>
                <StatusText status={deadLetter.status} />
              </td>
              <td>
                <button type="button" onClick={() => onOpen(deadLetter.id)}>
                  {t('deadLetters.open', { id: deadLetter.id })}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** One dead letter decoded (masked), its resolutions, and the replay and discard it still allows. */
function DeadLetterDetail({ api, service, id, onClose, onResolved }: { api: DeadLettersApi; service: DeadLetterService; id: string; onClose(): void; onResolved(announcement: string): void }) {
  const { t, i18n } = useTranslation('admin');
  const lang = langOf(i18n.language);
  const detail = useResource(() => api.show(service, id), [api, service, id]);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from the table: the reader's focus moves to what opened.
  useEffect(() => heading.current?.focus(), [id]);
  return (
    <article className="card dead-letter-detail" aria-labelledby={headingId} data-dead-letter-detail={id}>
      <h2 id={headingId} tabIndex={-1} ref={heading}>
        {t('deadLetters.detail.title', { id })}
      </h2>
      <button type="button" onClick={onClose}>
        {t('deadLetters.detail.close')}
      </button>
      <ErrorNotice error={detail.error} onRetry={detail.reload} />
      {!detail.data && detail.loading && <Loading />}
      {detail.data && (
        <>
          <dl className="facts">
            <dt>{t('deadLetters.columns.status')}</dt>
            <dd>
              <StatusText status={detail.data.status} />
            </dd>
            <dt>{t('deadLetters.columns.eventType')}</dt>
            <dd>{detail.data.eventType ?? t('none')}</dd>
            <dt>{t('deadLetters.detail.eventId')}</dt>
            <dd>{detail.data.eventId ? <code>{detail.data.eventId}</code> : t('none')}</dd>
            <dt>{t('deadLetters.columns.caseId')}</dt>
            <dd>{detail.data.key ? <code>{detail.data.key}</code> : t('none')}</dd>
            <dt>{t('deadLetters.detail.source')}</dt>
            <dd>
              <code>
                {detail.data.source.topic}[{detail.data.source.partition}]@{detail.data.source.offset}
              </code>
            </dd>
            <dt>{t('deadLetters.columns.code')}</dt>
            <dd>
              <code>{detail.data.code}</code>
            </dd>
            <dt>{t('deadLetters.columns.reason')}</dt>
            <dd>{detail.data.reason}</dd>
            <dt>{t('deadLetters.columns.failedAt')}</dt>
            <dd>{formatMoment(detail.data.failedAt, lang)}</dd>
            {detail.data.replayOf && (
              <>
                <dt>{t('deadLetters.detail.replayOf')}</dt>
                <dd>
                  <code>{detail.data.replayOf}</code>
                </dd>
              </>
            )}
            {detail.data.failedAgainAs.length > 0 && (
              <>
                <dt>{t('deadLetters.detail.failedAgainAs')}</dt>
                <dd>
                  <code>{detail.data.failedAgainAs.join(', ')}</code>
                </dd>
              </>
            )}
          </dl>
          <h3>{t('deadLetters.detail.resolutions')}</h3>
          {detail.data.resolutions.length === 0 ? (
            <p className="muted">{t('deadLetters.detail.noResolution')}</p>
          ) : (
            <ul className="plain-list">
              {detail.data.resolutions.map((resolution) => (
                <li key={resolution.id} data-resolution={resolution.resolution}>
                  {t('deadLetters.detail.resolution', { resolution: t(`deadLetters.resolution.${resolution.resolution}`), at: formatMoment(resolution.at, lang), actor: resolution.actor })}
                  {resolution.reason && <span className="muted"> — {resolution.reason}</span>}
                </li>
              ))}
            </ul>
          )}
          <EventSection detail={detail.data} />
          {canResolve(detail.data) && (
            <Resolve
              api={api}
              service={service}
              id={id}
              onResolved={(text) => {
                detail.reload();
                onResolved(text);
              }}
            />
          )}
        </>
      )}
    </article>
  );
}

function EventSection({ detail }: { detail: DeadLetterDetailView }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <h3>{t('deadLetters.detail.event')}</h3>
      {detail.event ? (
        <>
          {detail.masked && <p className="muted">{t('deadLetters.detail.masked')}</p>}
          <pre className="event-json" data-testid="dead-letter-event" tabIndex={0}>
            {eventText(detail)}
          </pre>
        </>
      ) : (
        <p className="notice notice-error">{t('deadLetters.detail.undecodable', { reason: detail.undecodable ?? '' })}</p>
      )}
    </>
  );
}

/** Replay (one button) and discard (a required reason), each answered by the service; its refusals shown where they belong. */
function Resolve({ api, service, id, onResolved }: { api: DeadLettersApi; service: DeadLetterService; id: string; onResolved(announcement: string): void }) {
  const { t } = useTranslation('admin');
  const fieldId = useId();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState<'replay' | 'discard'>();

  async function replay() {
    setFormError(undefined);
    setSending('replay');
    try {
      await api.replay(service, id);
      onResolved(t('deadLetters.replayed', { id }));
    } catch (error) {
      setFormError(refusalOf(error).form);
    } finally {
      setSending(undefined);
    }
  }

  async function discard(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const problem = discardProblemOf(reason);
    setReasonError(problem ? t(problem.key, { max: problem.max }) : undefined);
    if (problem) {
      event.currentTarget.querySelector<HTMLElement>('[name="reason"]')?.focus();
      return;
    }
    setSending('discard');
    try {
      await api.discard(service, id, discardBodyOf(reason));
      onResolved(t('deadLetters.discarded', { id }));
    } catch (error) {
      const refusal = refusalOf(error);
      setReasonError(refusal.reason);
      setFormError(refusal.form);
    } finally {
      setSending(undefined);
    }
  }

  const describedBy = [`${fieldId}-hint`, reasonError ? `${fieldId}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="resolve" data-resolve={id}>
      {formError && (
        <p className="notice notice-error" role="alert">
          <strong>{t('deadLetters.refused')}</strong> {formError}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={sending !== undefined} onClick={() => void replay()} aria-describedby={`${fieldId}-replay-hint`}>
          {sending === 'replay' ? t('deadLetters.replaying') : t('deadLetters.replay')}
        </button>
        <p id={`${fieldId}-replay-hint`} className="hint">
          {t('deadLetters.replayHint')}
        </p>
      </div>
      <form noValidate aria-labelledby={`${fieldId}-title`} onSubmit={(event) => void discard(event)} data-discard-form={id}>
        <h3 id={`${fieldId}-title`}>{t('deadLetters.discardTitle')}</h3>
        <div className={reasonError ? 'has-error' : undefined}>
          <label htmlFor={`${fieldId}-reason`}>
            {t('deadLetters.reasonLabel')} <span className="required-mark">*</span>
          </label>
          <textarea
            id={`${fieldId}-reason`}
            name="reason"
            rows={3}
            maxLength={DISCARD_REASON_MAX_LENGTH}
            value={reason}
            required
            aria-required
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={describedBy}
            disabled={sending !== undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={`${fieldId}-hint`} className="hint">
            {t('deadLetters.reasonHint', { max: DISCARD_REASON_MAX_LENGTH })}
          </p>
          {reasonError && (
            <p id={`${fieldId}-error`} className="field-error" role="alert" data-field-error="reason">
              {reasonError}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" disabled={sending !== undefined}>
            {sending === 'discard' ? t('deadLetters.discarding') : t('deadLetters.discard')}
          </button>
        </div>
      </form>
    </div>
  );
}
