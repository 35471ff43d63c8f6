import { useTranslation } from 'react-i18next';
import type { CatalogueView } from '../../api/platform-api';
import { type AgencyCaseView, FINAL_STATUSES, type OfficerDecisionKind } from '../../api/types';
import type { CatalogueNames } from '../../format/catalogue-names';
import { formatMoment } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { DataTable } from '../../layout/data-table';
import { StatusBadge } from '../../layout/status';
import { DecisionForm } from './decision-form';
import { displayValue } from './facts-model';
import { AwaitingOfficer, DueDate, Fact, Flags } from './officer-bits';
import { supplementChoicesOf } from './supplement-choices';

type CaseItem = AgencyCaseView['items'][number];

/** One of the agency's items in the case: where it stands, the rules' findings, and the decision form while it is open. */
export function CaseItemCard({
  view,
  item,
  catalogue,
  names,
  onDecided,
}: {
  view: AgencyCaseView;
  item: CaseItem;
  catalogue?: CatalogueView;
  names: CatalogueNames;
  onDecided(code: string, decision: OfficerDecisionKind): void;
}) {
  const { t, i18n } = useTranslation('officer');
  const lang = langOf(i18n.language);
  const name = names.item(item.code);
  const final = FINAL_STATUSES.includes(item.status);
  const words = { yes: t('yes'), no: t('no'), none: t('none') };
  return (
    <article className="card item-card" data-item={item.code} aria-labelledby={`item-${item.code}`}>
      <h3 id={`item-${item.code}`}>
        {name} <span className="muted">({item.code})</span>
      </h3>
      <dl className="facts">
        <Fact term={t('queue.statusColumn')}>
          <StatusBadge status={item.status} />
        </Fact>
        <Fact term={t('case.action')}>{names.action(item.code, item.action)}</Fact>
        <Fact term={t('queue.due')}>
          <DueDate item={item} />
        </Fact>
        <Fact term={t('queue.flags')}>
          <Flags flags={item.flags} />
        </Fact>
        {!final && (
          <Fact term={t('queue.awaitingOfficer')}>
            <AwaitingOfficer reasons={item.awaitingOfficer} />
          </Fact>
        )}
        {item.decision && item.decision.waitingFor.length > 0 && <Fact term={t('case.waitingFor')}>{item.decision.waitingFor.map((code) => names.item(code)).join(', ')}</Fact>}
        {item.requestedMaterials.length > 0 && <Fact term={t('case.requested')}>{item.requestedMaterials.map((code) => names.material(code)).join(', ')}</Fact>}
        {item.reason && <Fact term={t('case.reason')}>{item.reason}</Fact>}
        {item.decidedBy && (
          <Fact term={t('case.decidedBy')}>
            {item.decidedBy.kind === 'automatic' ? t('case.automatic') : t('case.byOfficer', { subject: item.decidedBy.subject ?? '' })}
            {item.decidedAt && <span className="muted"> · {formatMoment(item.decidedAt, lang)}</span>}
          </Fact>
        )}
        {item.result && Object.keys(item.result).length > 0 && <Fact term={t('case.result')}>{displayValue(item.result, words)}</Fact>}
      </dl>
      <Findings item={item} names={names} />
      {!final && (
        <DecisionForm
          caseId={view.caseId}
          item={item}
          itemName={name}
          readiness={item.decision}
          choices={supplementChoicesOf(catalogue, item, view.materials)}
          onDecided={(decision) => onDecided(item.code, decision)}
        />
      )}
    </article>
  );
}

function Findings({ item, names }: { item: CaseItem; names: CatalogueNames }) {
  const { t } = useTranslation('officer');
  return (
    <>
      <h4>{t('case.findings')}</h4>
      {item.findings.length === 0 ? (
        <p className="muted">{t('case.noFindings')}</p>
      ) : (
        <DataTable columns={[t('case.rule'), t('case.outcome'), t('case.message')]}>
          {item.findings.map((finding) => (
            <tr key={finding.rule} data-rule={finding.rule} data-passed={finding.passed ? 'true' : 'false'}>
              <td>
                <code>{finding.rule}</code>
              </td>
              <td className={finding.passed ? 'passed' : 'failed'}>{finding.passed ? t('case.passed') : t('case.failed')}</td>
              <td>
                {finding.message}
                {finding.material && !finding.passed && <span className="muted"> — {t('case.answeredBy', { material: names.material(finding.material) })}</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
