import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../api/platform-api';

export interface ItemPickerProps {
  items: CatalogueItem[];
  checked: string[];
  actions: Record<string, string>;
  onToggle(code: string, on: boolean): void;
  onAction(code: string, action: string): void;
  error?: string;
}

/** A compact list of the service items: a checkbox (`item` = code) and an action select (`action-CODE`) each. */
export function ItemPicker({ items, checked, actions, onToggle, onAction, error }: ItemPickerProps) {
  const { t } = useTranslation('clerk');
  return (
    <fieldset className={`clerk-items${error ? ' has-error' : ''}`} aria-describedby={`clerk-items-hint${error ? ' clerk-items-error' : ''}`}>
      <legend>{t('chooseItems')}</legend>
      <p id="clerk-items-hint" className="hint">
        {t('chooseItemsHint')}
      </p>
      <ul>
        {items.map((item) => {
          const id = `clerk-item-${item.code}`;
          const prerequisites = (item.prerequisites ?? []).filter((prerequisite) => prerequisite.kind !== 'step');
          return (
            <li key={item.code} className="clerk-item" data-item={item.code}>
              <div className="clerk-item-choice">
                <input type="checkbox" id={id} name="item" value={item.code} checked={checked.includes(item.code)} onChange={(event) => onToggle(item.code, event.target.checked)} aria-describedby={`${id}-agency`} />
                <label htmlFor={id}>{item.name}</label>
                <span id={`${id}-agency`} className="muted">
                  {item.agency.name}
                  {prerequisites.length > 0 && ` · ${t('requires', { items: prerequisites.map((prerequisite) => prerequisite.name).join('、') })}`}
                </span>
              </div>
              <select name={`action-${item.code}`} aria-label={t('actionFor', { item: item.name })} value={actions[item.code] ?? item.actions[0]?.action ?? ''} onChange={(event) => onAction(item.code, event.target.value)}>
                {item.actions.map((action) => (
                  <option key={action.action} value={action.action}>
                    {action.name}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {error && (
        <p id="clerk-items-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
