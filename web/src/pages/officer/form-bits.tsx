// The pieces the officer's forms (a decision on an item, an opinion in a joint review, a shared-record read) share.
import type { ChangeEvent, HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A control's problem, announced as it appears; nothing when there is none. The control points at `id`. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

/**
 * A required group of choices (radio buttons, check boxes) under its legend with the required mark,
 * and the group's problem after them (`errorId`, which the group names in aria-describedby).
 */
export function ChoiceGroup({ legend, errorId, error, disabled, children }: { legend: string; errorId: string; error?: string; disabled: boolean; children: ReactNode }) {
  return (
    <fieldset className={error ? 'has-error' : undefined} disabled={disabled} aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend} <span className="required-mark" aria-hidden="true">*</span>
      </legend>
      {children}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

/** One labelled radio button of a group. */
export function RadioChoice({
  id,
  name,
  value,
  checked,
  disabled,
  describedBy,
  onChange,
  children,
}: {
  id: string;
  name: string;
  value: string;
  checked: boolean;
  disabled?: boolean;
  describedBy?: string;
  onChange(): void;
  children: ReactNode;
}) {
  return (
    <label className="choice" htmlFor={id}>
      <input id={id} type="radio" name={name} value={value} checked={checked} disabled={disabled} aria-describedby={describedBy} onChange={onChange} />
      {children}
    </label>
  );
}

/**
 * The reason shown to the applicant or the lead agency: a labelled text area (`name="reason"`, id
 * `${id}-reason`), required or marked optional, with its hint and its problem.
 */
export function ReasonField({
  id,
  label,
  required,
  value,
  hint,
  error,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  required: boolean;
  value: string;
  hint?: string;
  error?: string;
  disabled: boolean;
  onChange(value: string): void;
}) {
  const { t } = useTranslation('officer');
  const describedBy = [hint ? `${id}-reason-hint` : '', error ? `${id}-reason-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'has-error' : undefined}>
      <label htmlFor={`${id}-reason`}>
        {label} {required ? <span className="required-mark">*</span> : <span className="muted">({t('optional', { ns: 'common' })})</span>}
      </label>
      <textarea
        id={`${id}-reason`}
        name="reason"
        rows={3}
        maxLength={2000}
        value={value}
        required={required}
        aria-required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        disabled={disabled}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
      {hint && (
        <p id={`${id}-reason-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-reason-error`} message={error} />
    </div>
  );
}

/** The server's refusal of the whole form (409, 400 without a field), announced; nothing when there is none. */
export function FormRefusal({ message, ...notice }: { message?: string } & HTMLAttributes<HTMLParagraphElement>) {
  const { t } = useTranslation('officer');
  if (!message) return null;
  return (
    <p className="notice notice-error" role="alert" {...notice}>
      <strong>{t('decide.refused')}</strong> {message}
    </p>
  );
}

/** The form's submit button, saying so while it sends. */
export function SubmitRow({ label, sending, disabled }: { label: string; sending: boolean; disabled: boolean }) {
  const { t } = useTranslation('officer');
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={disabled}>
        {sending ? t('decide.sending') : label}
      </button>
    </div>
  );
}
