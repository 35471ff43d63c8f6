import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ItemSelection } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { pick } from '../../i18n/i18n';
import { ErrorNotice } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { ReductionTable } from './reduction-table';
import { applyHref, formatSelection } from './selection';

/** What the chosen items make: the reduction by the one form, the documents once each, and the way on. */
export function SelectionSummary({ selection, names }: { selection: ItemSelection[]; names: Record<string, string> }) {
  const { t, i18n } = useTranslation('applicant');
  const { api } = useApp();
  const key = formatSelection(selection);
  const form = useResource(() => (selection.length > 0 ? api.form(selection) : Promise.resolve(undefined)), [api, key]);
  const data = selection.length > 0 ? form.data : undefined;
  const separator = i18n.language === 'zh' ? '、' : ', ';
  return (
    <section aria-labelledby="selection-heading" className="card selection-summary" data-testid="selection-summary">
      <h2 id="selection-heading">{t('items.selectionTitle')}</h2>
      <p aria-live="polite" aria-atomic="true" data-testid="selection-status">
        {selection.length === 0
          ? t('items.noneChosen')
          : data
            ? t('items.chosenReduced', { n: selection.length, fields: data.reduction.fieldsMerged, fieldsSeparate: data.reduction.fieldsSeparate, materials: data.reduction.materialsMerged, materialsSeparate: data.reduction.materialsSeparate })
            : t('items.chosen', { n: selection.length })}
      </p>
      {selection.length > 0 && (
        <>
          <ul>
            {selection.map((item) => (
              <li key={item.code} data-chosen-item={item.code}>
                {names[item.code] ?? item.code} — {t(`actions.${item.action}`, { defaultValue: item.action })}
              </li>
            ))}
          </ul>
          <ErrorNotice error={form.error} onRetry={form.reload} />
          {data && <ReductionTable reduction={data.reduction} />}
          {data && data.materials.length > 0 && (
            <details className="materials-once">
              <summary>{t('items.materialsTitle', { n: data.materials.length })}</summary>
              <ul>
                {data.materials.map((material) => (
                  <li key={material.code} data-form-material={material.code}>
                    {pick(material.name, i18n.language)}
                    {!material.required && <span className="muted"> ({t('items.conditional')})</span>}
                    <span className="hint block">{t('items.materialFor', { items: material.items.map((code) => names[code] ?? code).join(separator) })}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p>
            <Link className="button primary" to={applyHref(selection)} data-testid="fill-form">
              {t('items.fillForm')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
