import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../api/platform-api';
import type { CaseItemView } from '../../api/types';
import { StatusBadge } from '../../layout/status';
import type { MaterialInfo } from './catalogue-model';
import { isOverdue, resultEntries, supplementSlots } from './case-model';
import { SupplementForm } from './supplement-form';

interface CaseItemCardProps {
  caseId: string;
  item: CaseItemView;
  name: string;
  catalogueItem?: CatalogueItem;
  materials: Record<string, MaterialInfo>;
  today: string;
  mayAnswer: boolean;
  onChanged(): void;
}

/** One item of a case: live status, due date, reason, result, and the answer to a supplement request. */
export function CaseItemCard({ caseId, item, name, catalogueItem, materials, today, mayAnswer, onChanged }: CaseItemCardProps) {
  const { t } = useTranslation('applicant');
  const [sent, setSent] = useState(false);
  const overdue = isOverdue(item, today);
  const result = resultEntries(item.result);
  const awaiting = item.status === 'awaiting_supplement';
  const headingId = `case-item-${item.code}`;
  return (
    <li className="card case-item" data-item={item.code} aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <dl className="facts">
        <dt>{t('case.action')}</dt>
        <dd>{t(`actions.${item.action}`, { defaultValue: item.action })}</dd>
        <dt>{t('case.agency')}</dt>
        <dd>{t(`common:agencies.${item.agency}`, { defaultValue: item.agency })}</dd>
        <dt>{t('case.itemStatus')}</dt>
        <dd aria-live="polite" aria-atomic="true">
          <StatusBadge status={item.status} />
        </dd>
        <dt>{t('case.dueDate')}</dt>
        <dd data-due-date={item.dueDate ?? ''}>
          {item.dueDate ? <time dateTime={item.dueDate}>{item.dueDate}</time> : t('case.noDueDate')}
          {overdue && (
            <strong className="overdue" data-overdue="true">
              {' '}
              {t('case.overdue')}
            </strong>
          )}
        </dd>
        {item.reason && (
          <>
            <dt>{t('case.reason')}</dt>
            <dd data-reason>{item.reason}</dd>
          </>
        )}
      </dl>
      {result.length > 0 && (
        <>
          <h4>{t('case.result')}</h4>
          <dl className="facts" data-result={item.code}>
            {result.map((entry) => (
              <Fragment key={entry.key}>
                <dt>{entry.known ? t(`result.${entry.key}`) : entry.key}</dt>
                <dd data-result-key={entry.key}>{entry.value}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
      {sent && !awaiting && (
        <p className="notice notice-ok" role="status">
          {t('supplement.sent')}
        </p>
      )}
      {awaiting && mayAnswer && (
        <SupplementForm
          caseId={caseId}
          item={item}
          slots={supplementSlots(item, catalogueItem, materials)}
          onSent={() => {
            setSent(true);
            onChanged();
          }}
        />
      )}
    </li>
  );
}
