import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedRecord } from '../../api/types';
import type { CatalogueNames } from '../../format/catalogue-names';
import { formatMoment } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { DataTable } from '../../layout/data-table';
import { useApp } from '../../session/app-context';
import { displayValue, type FieldLabel } from './facts-model';
import { FieldError } from './form-bits';
import { Fact } from './officer-bits';
import { permitDetailsOf, purposeHeaderOf, recordFailureOf, recordFieldRowsOf } from './shared-record-model';

interface Read {
  record: SharedRecord;
  purpose: string;
  at: string;
}

/**
 * The applicant's shared record (data-sharing), as much as this agency's scope releases. Every read
 * states its purpose, which the Big Data Bureau writes to the applicant's access log.
 */
export function RecordPanel({ passportNo, nationality, labels, names }: { passportNo?: string; nationality?: string; labels: Record<string, FieldLabel>; names: CatalogueNames }) {
  const { t, i18n } = useTranslation('officer');
  const { api } = useApp();
  const id = useId();
  const lang = langOf(i18n.language);
  const input = useRef<HTMLInputElement>(null);
  const [purpose, setPurpose] = useState('');
  const [purposeError, setPurposeError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [reading, setReading] = useState(false);
  const [read, setRead] = useState<Read>();
  const words = { yes: t('yes'), no: t('no'), none: t('none') };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    if (!passportNo || !nationality) return;
    if (purpose.trim() === '') {
      setPurposeError(t('record.purposeRequired'));
      input.current?.focus();
      return;
    }
    setPurposeError(undefined);
    setReading(true);
    try {
      const record = await api.recordByPassport(passportNo, nationality, purposeHeaderOf(purpose));
      setRead({ record, purpose: purpose.trim(), at: new Date().toISOString() });
    } catch (error) {
      const kind = recordFailureOf(error);
      const message = error instanceof Error ? error.message : String(error);
      if (kind === 'purpose') {
        setPurposeError(`${t('record.purposeRequired')} (${message})`);
        input.current?.focus();
      } else setFailure(`${t(`record.failure.${kind}`)} ${message}`);
    } finally {
      setReading(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="shared-record">
      <h2 id={`${id}-title`}>{t('record.title')}</h2>
      <p className="hint">{t('record.scope')}</p>
      {!passportNo || !nationality ? (
        <p className="notice">{t('record.noPassport')}</p>
      ) : (
        <form className="record-read stacked" noValidate onSubmit={(event) => void submit(event)}>
          <p className="muted">{t('record.who', { passportNo, nationality })}</p>
          <div className={purposeError ? 'has-error' : undefined}>
            <label htmlFor={`${id}-purpose`}>
              {t('record.purpose')} <span className="required-mark">*</span>
            </label>
            <input
              ref={input}
              id={`${id}-purpose`}
              name="purpose"
              type="text"
              required
              aria-required="true"
              maxLength={500}
              value={purpose}
              aria-invalid={purposeError ? true : undefined}
              aria-describedby={`${id}-purpose-hint${purposeError ? ` ${id}-purpose-error` : ''}`}
              onChange={(event) => setPurpose(event.target.value)}
            />
            <p id={`${id}-purpose-hint`} className="hint">
              {t('record.purposeHint')}
            </p>
            <FieldError id={`${id}-purpose-error`} message={purposeError} />
          </div>
          <button type="submit" disabled={reading}>
            {reading ? t('record.reading') : t('record.read')}
          </button>
        </form>
      )}
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      <div aria-live="polite">
        {read && (
          <>
            <p className="notice notice-ok">{t('record.readDone', { count: read.record.released.length, at: formatMoment(read.at, lang), purpose: read.purpose })}</p>
            <RecordFields record={read.record} labels={labels} names={names} words={words} />
            <RecordConflicts record={read.record} labels={labels} words={words} />
            <RecordPermits record={read.record} names={names} words={words} />
            <RecordHistory record={read.record} labels={labels} words={words} />
          </>
        )}
      </div>
    </section>
  );
}

type Words = { yes: string; no: string; none: string };

function RecordFields({ record, labels, names, words }: { record: SharedRecord; labels: Record<string, FieldLabel>; names: CatalogueNames; words: Words }) {
  const { t, i18n } = useTranslation('officer');
  const rows = recordFieldRowsOf(record, labels, names.material, words);
  return (
    <>
      <h3>{t('record.fields')}</h3>
      <p className="muted case-id">{t('record.applicantId', { applicantId: record.applicantId })}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('record.nothingReleased')}</p>
      ) : (
        <dl className="facts" data-testid="record-fields">
          {rows.map((row) => (
            <Fact key={row.key} data-record-field={row.key} term={row.label}>
              {row.value}
              <span className="provenance">{t('record.provenance', { source: row.source, caseId: row.sourceCaseId, at: formatMoment(row.updatedAt, langOf(i18n.language)) })}</span>
            </Fact>
          ))}
        </dl>
      )}
    </>
  );
}

/** Values an employer or a clerk filed later that say otherwise than what the person or an agency gave: kept aside, for the officer to weigh. */
function RecordConflicts({ record, labels, words }: { record: SharedRecord; labels: Record<string, FieldLabel>; words: Words }) {
  const { t, i18n } = useTranslation('officer');
  if (record.conflicts.length === 0) return null;
  const lang = langOf(i18n.language);
  const offered = (value: SharedRecord['conflicts'][number]['kept']) =>
    t('record.offered', { value: displayValue(value.value, words), by: t(`record.offeredBy.${value.offeredBy}`, { defaultValue: value.offeredBy }), caseId: value.sourceCaseId, at: formatMoment(value.updatedAt, lang) });
  return (
    <>
      <h3>{t('record.conflicts', { count: record.conflicts.length })}</h3>
      <p className="hint">{t('record.conflictsHint')}</p>
      <DataTable className="wide" columns={[t('record.field'), t('record.kept'), t('record.otherValue')]}>
        {record.conflicts.map((conflict) => (
          <tr key={`${conflict.path}:${conflict.offered.sourceCaseId}`} data-record-conflict={conflict.path}>
            <td>{labels[conflict.path]?.label ?? conflict.path}</td>
            <td>{offered(conflict.kept)}</td>
            <td>{offered(conflict.offered)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function RecordPermits({ record, names, words }: { record: SharedRecord; names: CatalogueNames; words: Words }) {
  const { t, i18n } = useTranslation('officer');
  if (record.permits.length === 0) return null;
  return (
    <>
      <h3>{t('record.permits')}</h3>
      <DataTable className="wide" columns={[t('queue.item'), t('record.status'), t('record.details'), t('record.source')]}>
        {record.permits.map((permit) => (
          <tr key={`${permit.item}:${permit.caseId}`}>
            <td>
              {names.item(permit.item)} <span className="muted">· {names.action(permit.item, permit.action)}</span>
            </td>
            <td>
              {t(`itemStatus.${permit.status}`, { ns: 'common', defaultValue: permit.status })}
              {permit.reason && <span className="muted"> — {permit.reason}</span>}
            </td>
            <td>{displayValue(permitDetailsOf(permit), words)}</td>
            <td>{t('record.provenance', { source: permit.source, caseId: permit.caseId, at: formatMoment(permit.updatedAt, langOf(i18n.language)) })}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function RecordHistory({ record, labels, words }: { record: SharedRecord; labels: Record<string, FieldLabel>; words: Words }) {
  const { t, i18n } = useTranslation('officer');
  if (record.history.length === 0) return null;
  return (
    <details>
      <summary>{t('record.history', { count: record.history.length })}</summary>
      <DataTable className="wide" columns={[t('record.when'), t('record.field'), t('record.change'), t('record.source')]}>
        {record.history.map((change, index) => (
          <tr key={`${change.at}:${change.subject}:${index}`}>
            <td>{formatMoment(change.at, langOf(i18n.language))}</td>
            <td>{labels[change.subject]?.label ?? change.subject}</td>
            <td>
              {displayValue(change.oldValue, words)} → {displayValue(change.newValue, words)}
            </td>
            <td>{change.source}</td>
          </tr>
        ))}
      </DataTable>
    </details>
  );
}
