import { useTranslation } from 'react-i18next';
import type { FormField } from '../api/types';
import { chinaDate } from '../format/china-time';
import { pick } from '../i18n/i18n';
import { controlValueOf } from './form-model';
import { type Decision, decisionOf, factsBySection, type PrefillConsent, type ReusableFact, sourceOf } from './prefill-preview';

/** A fact's origin in the reader's words: the agency's decision, or the application form of a case. */
export function useSourceWords(): (fact: ReusableFact) => string {
  const { t, i18n } = useTranslation('form');
  return (fact) => {
    const source = sourceOf(fact);
    return t(`consent.${source.key}`, { caseId: source.caseId, agency: source.agency ? pick(source.agency, i18n.language) : '' });
  };
}

/** A value as the reader knows it: an option by its label, yes/no in words. */
export function shownValue(field: FormField, value: string, lang: string): string {
  if (value === '') return '';
  if (field.type === 'enum') return pick(field.options?.find((option) => option.value === value)?.label, lang) || value;
  if (field.type === 'boolean') return pick(value === 'true' ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' }, lang);
  return value;
}

/**
 * The preview of what the shared record could fill in, before anything is: each fact with its label,
 * value, source and date, to reuse or decline one by one (or all accepted at once). Nothing it shows is
 * in the form until accepted here.
 */
export function ConsentStep({
  facts,
  consent,
  showUndecided,
  onDecide,
  onAcceptAll,
}: {
  facts: readonly ReusableFact[];
  consent: PrefillConsent;
  /** After a try to go on with facts unanswered: mark them. */
  showUndecided: boolean;
  onDecide(path: string, decision: Decision): void;
  onAcceptAll(): void;
}) {
  const { t, i18n } = useTranslation('form');
  const { t: tc } = useTranslation();
  const sourceWords = useSourceWords();
  return (
    <div className="form-step" data-step-panel="reuse">
      <p className="hint">{t('consent.intro')}</p>
      <p>
        <button type="button" onClick={onAcceptAll} data-testid="accept-all">
          {t('consent.acceptAll')}
        </button>
      </p>
      {factsBySection(facts).map(({ section, facts: sectionFacts }) => (
        <section key={section} className="reuse-section" aria-labelledby={`reuse-section-${section}`}>
          <h4 id={`reuse-section-${section}`}>{tc(`formSections.${section}`, { defaultValue: section })}</h4>
          <ul className="reuse-facts" role="list">
            {sectionFacts.map((fact) => {
              const decision = decisionOf(consent, fact.path);
              const id = `reuse-${fact.path.replace(/\./g, '-')}`;
              const missing = showUndecided && !decision;
              return (
                <li key={fact.path} data-fact={fact.path} data-decision={decision ?? 'undecided'}>
                  <fieldset className={`reuse-fact${missing ? ' has-error' : ''}`} aria-describedby={missing ? `${id}-error` : undefined}>
                    <legend>{pick(fact.field.label, i18n.language)}</legend>
                    <dl className="facts">
                      <dt>{t('consent.value')}</dt>
                      <dd data-fact-value>{shownValue(fact.field, controlValueOf(fact.value), i18n.language)}</dd>
                      <dt>{t('consent.source')}</dt>
                      <dd data-fact-source>{sourceWords(fact)}</dd>
                      {fact.updatedAt && (
                        <>
                          <dt>{t('consent.date')}</dt>
                          <dd>
                            <time dateTime={fact.updatedAt}>{chinaDate(fact.updatedAt)}</time>
                          </dd>
                        </>
                      )}
                    </dl>
                    <div className="reuse-choices">
                      {(['accepted', 'declined'] as const).map((choice) => (
                        <label key={choice}>
                          <input type="radio" name={id} value={choice} checked={decision === choice} aria-invalid={missing ? true : undefined} onChange={() => onDecide(fact.path, choice)} />{' '}
                          {t(choice === 'accepted' ? 'consent.accept' : 'consent.decline')}
                        </label>
                      ))}
                    </div>
                    {missing && (
                      <p id={`${id}-error`} className="field-error">
                        {t('consent.undecidedFact')}
                      </p>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
