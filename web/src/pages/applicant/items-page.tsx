import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useResource } from '../../api/use-resource';
import { langOf } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import './applicant.css';
import { actionOf, itemNames, missingPrerequisites, selectableItems, selectionOf } from './catalogue-model';
import { FlowChartSection } from './flow-chart-section';
import { ItemCard } from './item-card';
import { parseSelection } from './selection';
import { SelectionSummary } from './selection-summary';

/** The catalogue (public): choose items and actions, read each guide, see what the one form saves. */
export function ItemsPage() {
  const { t, i18n } = useTranslation('applicant');
  const { api } = useApp();
  const lang = langOf(i18n.language);
  const [params] = useSearchParams();
  // Coming back from the one form ("change the selection") keeps what was chosen.
  const [initial] = useState(() => parseSelection(params.get('items')));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(initial.map((item) => item.code)));
  const [actions, setActions] = useState<Record<string, string>>(() => Object.fromEntries(initial.map((item) => [item.code, item.action])));
  const catalogue = useResource(() => api.catalogue(lang), [api, lang]);
  const items = useMemo(() => (catalogue.data ? selectableItems(catalogue.data) : []), [catalogue.data]);
  const names = useMemo(() => itemNames(catalogue.data), [catalogue.data]);
  const selection = selectionOf(items, chosen, actions);

  function choose(code: string, on: boolean) {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  }

  return (
    <div className="applicant-page items-page">
      <h1>{t('items.title')}</h1>
      <p>{t('items.intro')}</p>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('items.chooseTitle')}</h2>
        <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} />
        {!catalogue.data && catalogue.loading && <Loading />}
        {catalogue.data && (
          <ul className="cards item-cards" role="list" aria-labelledby="items-heading" data-testid="catalogue">
            {items.map((item) => (
              <ItemCard
                key={item.code}
                item={item}
                lang={lang}
                chosen={chosen.has(item.code)}
                action={actionOf(item, actions)}
                missing={missingPrerequisites(item, chosen)}
                onChosen={(on) => choose(item.code, on)}
                onAction={(action) => setActions((previous) => ({ ...previous, [item.code]: action }))}
              />
            ))}
          </ul>
        )}
      </section>
      {catalogue.data && <SelectionSummary selection={selection} names={names} />}
      <FlowChartSection lang={lang} />
    </div>
  );
}
