import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../api/platform-api';
import type { Lang } from '../../api/types';
import { feeLines } from './catalogue-model';
import { Disclosure, ServiceGuide } from './guide-sections';

interface ItemCardProps {
  item: CatalogueItem;
  lang: Lang;
  chosen: boolean;
  action: string;
  /** Prerequisites (not steps) this item needs that are not chosen. */
  missing: { code: string; name: string }[];
  onChosen(chosen: boolean): void;
  onAction(action: string): void;
}

/** One service item of the catalogue: choose it and its action; agency, time limit, fee, prerequisites, guide. */
export function ItemCard({ item, lang, chosen, action, missing, onChosen, onAction }: ItemCardProps) {
  const { t } = useTranslation('applicant');
  const id = `item-${item.code}`;
  return (
    <li className={`card item-card${chosen ? ' chosen' : ''}`} data-catalogue-item={item.code}>
      <h3 className="item-title">
        <input type="checkbox" id={id} name="item" value={item.code} checked={chosen} aria-describedby={`${id}-kind`} onChange={(event) => onChosen(event.target.checked)} />
        <label htmlFor={id}>
          {item.name}
        </label>
      </h3>
      <p id={`${id}-kind`} className="muted">
        {t(`items.kind.${item.kind}`, { defaultValue: item.kind })}
      </p>
      <label htmlFor={`${id}-action`}>
        {t('items.action')}
        <span className="visually-hidden"> ({item.name})</span>
      </label>
      <select id={`${id}-action`} name={`action-${item.code}`} value={action} onChange={(event) => onAction(event.target.value)}>
        {item.actions.map((option) => (
          <option key={option.action} value={option.action}>
            {option.name}
          </option>
        ))}
      </select>
      <dl className="facts item-facts">
        <dt>{t('items.agency')}</dt>
        <dd>{item.agency.name}</dd>
        {item.timeLimit && (
          <>
            <dt>{t('items.timeLimit')}</dt>
            <dd>
              {t(`timeLimit.${item.timeLimit.unit}`, { amount: item.timeLimit.amount })}
              {item.timeLimit.note && <span className="hint block">{item.timeLimit.note}</span>}
            </dd>
          </>
        )}
        {item.fee && (
          <>
            <dt>{t('items.fee')}</dt>
            <dd>
              {feeLines(item.fee).map((line) => (
                <span key={`${line.key}-${line.params?.from ?? 0}`} className="block">
                  {t(`fee.${line.key}`, line.params)}
                </span>
              ))}
              {item.fee.note && <span className="hint block">{item.fee.note}</span>}
            </dd>
          </>
        )}
        <dt>{t('items.prerequisites')}</dt>
        <dd>
          {(item.prerequisites ?? []).length === 0
            ? t('items.none')
            : (item.prerequisites ?? []).map((prerequisite) => (
                <span key={prerequisite.code} className="block">
                  {prerequisite.kind === 'step' ? t('items.step', { name: prerequisite.name }) : prerequisite.name}
                </span>
              ))}
        </dd>
      </dl>
      {chosen && missing.length > 0 && (
        <p className="notice" data-prerequisite-hint={item.code}>
          {t('items.prerequisiteMissing', { names: missing.map((m) => m.name).join(lang === 'zh' ? '、' : ', ') })}
        </p>
      )}
      <Disclosure summary={t('items.guide')} className="guide-disclosure" testId={`guide-${item.code}`}>
        {() => <ServiceGuide code={item.code} lang={lang} />}
      </Disclosure>
    </li>
  );
}
