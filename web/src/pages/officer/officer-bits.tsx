import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OfficerItemView } from '../../api/types';
import { dueStateOf } from './queue-model';

/** The due date with its state in words (overdue, provisional, paused), never by colour only. */
export function DueDate({ item }: { item: Pick<OfficerItemView, 'overdue' | 'dueDate' | 'dueDateProvisional' | 'status'> }) {
  const { t } = useTranslation('officer');
  const state = dueStateOf(item);
  return (
    <span className={state === 'overdue' ? 'overdue' : undefined} data-due={state}>
      {item.dueDate ?? (state === 'paused' ? t('due.paused') : state === 'overdue' ? '' : t('due.none'))}
      {item.dueDate && item.dueDateProvisional && <span className="muted"> {t('due.provisional')}</span>}
      {state === 'overdue' && <strong> {t('due.overdue')}</strong>}
    </span>
  );
}

/** The assessment's flags as a list, or a dash. */
export function Flags({ flags }: { flags: readonly string[] }) {
  const { t } = useTranslation('officer');
  if (flags.length === 0) return <span className="muted">{t('none')}</span>;
  return (
    <ul className="plain-list">
      {flags.map((flag) => (
        <li key={flag}>
          <span className="flag">{flag}</span>
        </li>
      ))}
    </ul>
  );
}

/** Why an item waits for an officer: a marker in words and the reasons. */
export function AwaitingOfficer({ reasons, compact = false }: { reasons: readonly string[]; compact?: boolean }) {
  const { t } = useTranslation('officer');
  if (reasons.length === 0) return <span className="muted">{t('awaiting.no')}</span>;
  return (
    <div data-awaiting-officer="true">
      <strong className="awaiting-marker">{t('awaiting.yes')}</strong>
      {!compact && (
        <ul className="plain-list muted">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {compact && <span className="muted"> ({reasons.join('; ')})</span>}
    </div>
  );
}

/** A case's id as the link to the officer's case page (`label` names the link when the id alone would not). */
export function CaseLink({ caseId, label }: { caseId: string; label?: string }) {
  return (
    <Link to={`/officer/cases/${caseId}`} className="case-id" aria-label={label}>
      {caseId}
    </Link>
  );
}

/** One term and its value in a `dl.facts`, kept together; other attributes go on the pair's group. */
export function Fact({ term, children, ...group }: { term: ReactNode; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div {...group}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
