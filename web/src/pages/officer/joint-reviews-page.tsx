import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JointReviewView } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { formatMoment } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { serverRefusalOf } from './decision-model';
import { ChoiceGroup, FormRefusal, RadioChoice, ReasonField, SubmitRow } from './form-bits';
import { opinionBodyOf, type OpinionDraft, opinionProblemsOf, standingOf } from './joint-review-model';
import { CaseLink } from './officer-bits';
import './officer.css';

const REFRESH_MS = 10_000;

/** `/officer/joint-reviews`: open joint reviews (the lead agency's), the opinion this agency owes, and the concluded ones. */
export function JointReviewsPage() {
  const { t } = useTranslation('officer');
  const { api } = useApp();
  const open = useResource(() => api.jointReviews('open').then((answer) => answer.jointReviews), [api], REFRESH_MS);
  const concluded = useResource(() => api.jointReviews('concluded').then((answer) => answer.jointReviews), [api], REFRESH_MS);
  const [announcement, setAnnouncement] = useState('');

  return (
    <section className="officer">
      <h1>{t('joint.title')}</h1>
      <p className="muted">{t('joint.intro')}</p>
      <p role="status" aria-live="polite" className={announcement ? 'notice notice-ok' : undefined}>
        {announcement}
      </p>
      <h2>{t('joint.open')}</h2>
      <ErrorNotice error={open.error} onRetry={open.reload} />
      {!open.data && open.loading && <Loading />}
      {open.data && (
        <OpenReviews
          reviews={open.data}
          onAnswered={(caseId) => {
            setAnnouncement(t('joint.done', { caseId }));
            open.reload();
            concluded.reload();
          }}
        />
      )}
      <h2>{t('joint.concluded')}</h2>
      <ErrorNotice error={concluded.error} onRetry={concluded.reload} />
      {!concluded.data && concluded.loading && <Loading />}
      {concluded.data && <ConcludedReviews reviews={concluded.data} />}
    </section>
  );
}

function AgencyList({ agencies }: { agencies: readonly string[] }) {
  const { t } = useTranslation('officer');
  if (agencies.length === 0) return <span className="muted">{t('none')}</span>;
  return <>{agencies.map((agency) => t(`agencies.${agency}`, { ns: 'common', defaultValue: agency })).join(', ')}</>;
}

function OpenReviews({ reviews, onAnswered }: { reviews: JointReviewView[]; onAnswered(caseId: string): void }) {
  const { t, i18n } = useTranslation('officer');
  const { session } = useApp();
  const lang = langOf(i18n.language);
  if (reviews.length === 0) return <p className="notice">{t('joint.noneOpen')}</p>;
  const owed = reviews.filter((review) => standingOf(review, session?.agency).kind === 'awaiting');
  return (
    <>
      <DataTable className="wide" data-testid="joint-reviews-open" columns={[t('queue.case'), t('joint.reason'), t('joint.openedAt'), t('joint.awaiting'), t('joint.yourAgency')]}>
        {reviews.map((review) => {
          const standing = standingOf(review, session?.agency);
          return (
            <tr key={review.caseId} data-case={review.caseId} data-standing={standing.kind}>
              <td>
                <CaseLink caseId={review.caseId} />
              </td>
              <td>{review.reason}</td>
              <td>{formatMoment(review.openedAt, lang)}</td>
              <td>
                <AgencyList agencies={review.awaiting} />
              </td>
              <td>
                {standing.kind === 'awaiting' && <a href={`#opinion-${review.caseId}`}>{t('joint.giveOpinionLink')}</a>}
                {standing.kind === 'answered' && (standing.opinion ? t('joint.answeredWith', { opinion: t(`joint.${standing.opinion.opinion}`) }) : t('joint.answered'))}
                {standing.kind === 'notInvolved' && <span className="muted">{t('joint.notInvolved')}</span>}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {owed.map((review) => (
        <OpinionForm key={review.caseId} review={review} onAnswered={() => onAnswered(review.caseId)} />
      ))}
    </>
  );
}

/** This agency's opinion on one open review: approve or reject, a reason required to reject. */
function OpinionForm({ review, onAnswered }: { review: JointReviewView; onAnswered(): void }) {
  const { t } = useTranslation('officer');
  const { api } = useApp();
  const id = useId();
  const [draft, setDraft] = useState<OpinionDraft>({ reason: '' });
  const [problems, setProblems] = useState<Partial<Record<'opinion' | 'reason', string>>>({});
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(undefined);
    const found = opinionProblemsOf(draft);
    const translated = Object.fromEntries(Object.entries(found).map(([control, key]) => [control, t(key)]));
    setProblems(translated);
    if (!draft.opinion || Object.keys(found).length > 0) {
      form.querySelector<HTMLElement>(`[name="${found.opinion ? 'opinion' : 'reason'}"]`)?.focus();
      return;
    }
    setSending(true);
    try {
      await api.giveOpinion(review.caseId, opinionBodyOf({ ...draft, opinion: draft.opinion }));
      onAnswered();
    } catch (error) {
      const refusal = serverRefusalOf(error, ['opinion', 'reason']);
      setProblems(refusal.fields);
      setFormError(refusal.form);
    } finally {
      setSending(false);
    }
  }

  return (
    <form id={`opinion-${review.caseId}`} className="opinion card" data-opinion-form={review.caseId} noValidate aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
      <h3 id={`${id}-title`}>
        {t('joint.formTitle')} <span className="case-id">{review.caseId}</span>
      </h3>
      <p className="muted">{review.reason}</p>
      <FormRefusal message={formError} />
      <ChoiceGroup legend={t('joint.opinion')} errorId={`${id}-opinion-error`} error={problems.opinion} disabled={sending}>
        {(['approve', 'reject'] as const).map((opinion) => (
          <RadioChoice key={opinion} id={`${id}-${opinion}`} name="opinion" value={opinion} checked={draft.opinion === opinion} onChange={() => setDraft((previous) => ({ ...previous, opinion }))}>
            {t(`joint.${opinion}`)}
          </RadioChoice>
        ))}
      </ChoiceGroup>
      <ReasonField
        id={id}
        label={t('joint.reasonLabel')}
        required={draft.opinion === 'reject'}
        value={draft.reason}
        error={problems.reason}
        disabled={sending}
        onChange={(reason) => setDraft((previous) => ({ ...previous, reason }))}
      />
      <SubmitRow label={t('joint.submit')} sending={sending} disabled={sending} />
    </form>
  );
}

function ConcludedReviews({ reviews }: { reviews: JointReviewView[] }) {
  const { t, i18n } = useTranslation('officer');
  const lang = langOf(i18n.language);
  if (reviews.length === 0) return <p className="muted">{t('joint.noneConcluded')}</p>;
  return (
    <DataTable className="wide" data-testid="joint-reviews-concluded" columns={[t('queue.case'), t('joint.reason'), t('joint.conclusion'), t('joint.concludedAt'), t('joint.opinions')]}>
      {reviews.map((review) => (
        <tr key={review.caseId} data-case={review.caseId} data-conclusion={review.status}>
          <td>
            <CaseLink caseId={review.caseId} />
          </td>
          <td>{review.reason}</td>
          <td>
            <strong className={review.status === 'approved' ? 'passed' : 'failed'}>{t(`joint.status.${review.status}`, { defaultValue: review.status })}</strong>
          </td>
          <td>{formatMoment(review.concludedAt, lang)}</td>
          <td>
            <ul className="plain-list">
              {review.opinions.map((opinion) => (
                <li key={opinion.agency}>
                  {t(`agencies.${opinion.agency}`, { ns: 'common', defaultValue: opinion.agency })}: {t(`joint.${opinion.opinion}`)}
                  {opinion.reason && <span className="muted"> — {opinion.reason}</span>}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
