import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AgencyCaseView, OfficerDecisionKind } from '../../api/types';
import { useResource } from '../../api/use-resource';
import type { CatalogueNames } from '../../format/catalogue-names';
import { langOf } from '../../i18n/i18n';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice, Loading, StatusBadge } from '../../layout/status';
import { ForecastTimeline } from '../applicant/forecast-timeline';
import { useApp } from '../../session/app-context';
import { CaseItemCard } from './case-item-card';
import { type FieldLabel, factRowsOf, fieldLabelsOf } from './facts-model';
import { MaterialsTable } from './materials-table';
import { Fact } from './officer-bits';
import { RecordPanel } from './record-panel';
import { useCatalogue } from './use-officer';
import './officer.css';

const REFRESH_MS = 10_000;

/** `/officer/cases/:caseId`: the case as this agency holds it, its documents, the shared record and the decisions. */
export function OfficerCasePage() {
  const { t, i18n } = useTranslation('officer');
  const { caseId = '' } = useParams();
  const { api, session } = useApp();
  const agency = session?.agency;
  const { catalogue, names } = useCatalogue();
  const lang = langOf(i18n.language);
  const [announcement, setAnnouncement] = useState('');
  const view = useResource(() => (agency ? api.itemCase(agency, caseId) : Promise.reject(new Error(t('noAgency')))), [api, agency, caseId], REFRESH_MS);
  const chosen = view.data?.chosenItems ?? [];
  const chosenKey = chosen.map((item) => `${item.code}:${item.action}`).join(',');
  // The one form's labels for the case's items, so facts read as the applicant saw them; codes if it fails.
  const form = useResource(() => (chosen.length > 0 ? api.form(chosen) : Promise.resolve(undefined)), [api, chosenKey]);
  const labels = fieldLabelsOf(form.data, lang);
  // The same forecast the applicant sees, so an officer knows what the applicant has been told.
  const forecast = useResource(() => api.caseForecast(caseId, lang), [api, caseId, lang], REFRESH_MS);
  const itemNames = useMemo(() => Object.fromEntries((catalogue?.items ?? []).map((item) => [item.code, names.item(item.code)])), [catalogue, names]);

  function decided(code: string, decision: OfficerDecisionKind) {
    setAnnouncement(t('decide.done', { item: names.item(code), decision: t(`decide.${decision}`) }));
    view.reload();
  }

  return (
    <section className="officer">
      <h1>
        {t('case.title')} <span className="case-id">{caseId}</span>
      </h1>
      <nav aria-label={t('case.links')} className="row">
        <Link to="/officer">{t('case.backToQueue')}</Link>
        <Link to={`/cases/${caseId}`}>{t('case.portalView')}</Link>
      </nav>
      <p role="status" aria-live="polite" className={announcement ? 'notice notice-ok' : undefined}>
        {announcement}
      </p>
      <ErrorNotice error={view.error} onRetry={view.reload} />
      {!view.data && view.loading && <Loading />}
      {view.data && <CaseBody view={view.data} labels={labels} names={names} catalogue={catalogue} onDecided={decided} />}
      {view.data && forecast.data?.caseId === caseId && <ForecastTimeline forecast={forecast.data} names={itemNames} />}
    </section>
  );
}

function CaseBody({
  view,
  labels,
  names,
  catalogue,
  onDecided,
}: {
  view: AgencyCaseView;
  labels: Record<string, FieldLabel>;
  names: CatalogueNames;
  catalogue: Parameters<typeof CaseItemCard>[0]['catalogue'];
  onDecided(code: string, decision: OfficerDecisionKind): void;
}) {
  const { t } = useTranslation('officer');
  const words = { yes: t('yes'), no: t('no'), none: t('none') };
  return (
    <>
      <dl className="facts card">
        <Fact term={t('case.submittedOn')}>{view.submittedOn}</Fact>
        <Fact term={t('case.chosenItems')}>{view.chosenItems.map((item) => `${names.item(item.code)} (${names.action(item.code, item.action)})`).join(', ')}</Fact>
        <Fact term={t('case.catalogueVersion')}>{view.catalogueVersion}</Fact>
      </dl>
      {view.jointReview && (
        <div className={view.heldByJointReview ? 'notice notice-error' : 'notice'} role="note" data-joint-review={view.jointReview.status}>
          {view.heldByJointReview ? t('case.held', { reason: view.jointReview.reason }) : t('case.jointReviewEnded', { status: t(`joint.status.${view.jointReview.status}`, { defaultValue: view.jointReview.status }), reason: view.jointReview.reason })}{' '}
          <Link to="/officer/joint-reviews">{t('queue.jointReviewsLink')}</Link>
        </div>
      )}

      <h2>{t('case.items', { agency: t(`agencies.${view.agency}`, { ns: 'common' }) })}</h2>
      {view.items.map((item) => (
        <CaseItemCard key={item.code} view={view} item={item} catalogue={catalogue} names={names} onDecided={onDecided} />
      ))}

      {view.knownOutcomes.length > 0 && <KnownOutcomes outcomes={view.knownOutcomes} names={names} />}

      <h2>{t('case.facts')}</h2>
      <Facts title={t('case.applicant')} rows={factRowsOf(view.applicant, 'applicant', labels, words)} />
      <Facts title={t('case.employer')} rows={factRowsOf(view.employer, 'employer', labels, words)} />
      <Facts title={t('case.employment')} rows={factRowsOf(view.employment, 'employment', labels, words)} />
      {Object.keys(view.otherSections ?? {}).length > 0 && <Facts title={t('case.otherSections')} rows={factRowsOf(view.otherSections, '', labels, words)} />}

      <h2>{t('case.materials')}</h2>
      <MaterialsTable materials={view.materials} names={names} />

      <RecordPanel passportNo={view.applicant?.passportNo} nationality={view.applicant?.nationality} labels={labels} names={names} />
    </>
  );
}

function Facts({ title, rows }: { title: string; rows: ReturnType<typeof factRowsOf> }) {
  const { t } = useTranslation('officer');
  return (
    <section className="card">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <dl className="facts">
          {rows.map((row) => (
            <Fact key={row.path} data-fact={row.path} term={row.label}>
              {row.value}
            </Fact>
          ))}
        </dl>
      )}
    </section>
  );
}

function KnownOutcomes({ outcomes, names }: { outcomes: AgencyCaseView['knownOutcomes']; names: CatalogueNames }) {
  const { t } = useTranslation('officer');
  return (
    <>
      <h2>{t('case.knownOutcomes')}</h2>
      <DataTable columns={[t('queue.item'), t('queue.statusColumn'), t('case.reason')]}>
        {outcomes.map((outcome) => (
          <tr key={outcome.code} data-outcome={outcome.code}>
            <td>{names.item(outcome.code)}</td>
            <td>
              <StatusBadge status={outcome.status} />
            </td>
            <td>{outcome.reason ?? ''}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
