import { useTranslation } from 'react-i18next';
import type { StepId } from './steps';

/**
 * Where the reader is in the form: an ordered list of the steps, the current one `aria-current="step"`,
 * the ones already reached a button back to them.
 */
export function StepProgress({
  steps,
  current,
  furthest,
  name,
  canVisit,
  onVisit,
}: {
  steps: readonly StepId[];
  current: StepId;
  furthest: StepId;
  name(step: StepId): string;
  canVisit(step: StepId): boolean;
  onVisit(step: StepId): void;
}) {
  const { t } = useTranslation('form');
  const currentIndex = steps.indexOf(current);
  return (
    <nav aria-label={t('progress')} className="step-progress">
      <ol>
        {steps.map((step, index) => {
          const state = step === current ? 'current' : index < currentIndex || index <= steps.indexOf(furthest) ? 'reached' : 'ahead';
          return (
            <li key={step} data-step-indicator={step} data-state={state} aria-current={step === current ? 'step' : undefined}>
              {step !== current && canVisit(step) ? (
                <button type="button" className="link" onClick={() => onVisit(step)}>
                  <span className="step-number">{index + 1}</span> {name(step)}
                </button>
              ) : (
                <span>
                  <span className="step-number">{index + 1}</span> {name(step)}
                </span>
              )}
              {index < currentIndex && <span className="visually-hidden"> ({t('done')})</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
