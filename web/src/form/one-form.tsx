import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import type { FormField, ItemSelection, MergedForm } from '../api/types';
import { pick } from '../i18n/i18n';
import { type AttachedMaterial, type FieldIssue, initialValues, newIdempotencyKey, placeServerErrors, sectionsOf, toCaseBody, validateField, validateForm } from './form-model';
import { MaterialUpload } from './material-upload';

export interface OneFormProps {
  form: MergedForm;
  items: ItemSelection[];
  /** Sends the body (POST /api/cases) under the idempotency key; resolves to the new case's id. */
  submit(body: Record<string, unknown>, idempotencyKey: string): Promise<{ caseId: string }>;
  onSubmitted(caseId: string): void;
  /** Values the caller's verified identity fixes (`verifiedFormValues`): shown, not editable. */
  verified?: Readonly<Record<string, string>>;
}

/**
 * The one form generated from `POST /api/forms`: every control named by the field's path and labelled
 * with its label, checked as it is filled, and the server's 400 shown at each field.
 */
export function OneForm({ form, items, submit, onSubmitted, verified = {} }: OneFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(() => initialValues(form.fields, verified));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [attached, setAttached] = useState<Record<string, AttachedMaterial>>({});
  const [serverErrors, setServerErrors] = useState<ReturnType<typeof placeServerErrors>>({ fields: {}, materials: {}, general: [] });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();
  // One key per filled form: a double click or a retry of the same content makes one case.
  const idempotencyKey = useRef(newIdempotencyKey());
  const formRef = useRef<HTMLFormElement>(null);
  const sections = useMemo(() => sectionsOf(form.fields), [form.fields]);

  const changed = () => {
    idempotencyKey.current = newIdempotencyKey();
  };
  const issueText = (issue: FieldIssue) => t(`validation.${issue.key}`, issue.params);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const issues = validateForm(form.fields, values);
    setTouched(Object.fromEntries(form.fields.map((field) => [field.path, true])));
    if (Object.keys(issues).length > 0) {
      focusFirstError();
      return;
    }
    const materials = Object.values(attached);
    setSubmitting(true);
    setFailure(undefined);
    try {
      const created = await submit(toCaseBody(form.fields, values, items, materials), idempotencyKey.current);
      onSubmitted(created.caseId);
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        setServerErrors(placeServerErrors(error.fieldErrors(), materials));
        setFailure(t('fieldErrorsSummary', { count: error.details.length }));
        focusFirstError();
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setSubmitting(false);
    }
  }

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input')?.focus());
  }

  function fieldError(field: FormField): string | undefined {
    const issue = touched[field.path] ? validateField(field, values[field.path] ?? '') : null;
    return issue ? issueText(issue) : serverErrors.fields[field.path];
  }

  return (
    <form ref={formRef} className="one-form" noValidate onSubmit={(event) => void onSubmit(event)} data-testid="one-form">
      {failure && (
        <div role="alert" className="notice notice-error" data-testid="form-failure">
          {failure}
          {serverErrors.general.length > 0 && (
            <ul>
              {serverErrors.general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {sections.map(({ section, fields }) => (
        <fieldset key={section} className="form-section">
          <legend>{t(`formSections.${section}`, { defaultValue: section })}</legend>
          {fields.map((field) => (
            <FieldControl
              key={field.path}
              field={field}
              lang={i18n.language}
              value={values[field.path] ?? ''}
              error={fieldError(field)}
              onChange={(value) => {
                changed();
                setValues((previous) => ({ ...previous, [field.path]: value }));
                setServerErrors((previous) => ({ ...previous, fields: { ...previous.fields, [field.path]: '' } }));
              }}
              onBlur={() => setTouched((previous) => ({ ...previous, [field.path]: true }))}
              prefillNote={field.path in verified ? t('verifiedIdentity') : field.prefill ? t('prefilled', { source: field.prefill.source }) : undefined}
              locked={field.path in verified}
            />
          ))}
        </fieldset>
      ))}
      <fieldset className="form-section">
        <legend>{t('formSections.materials')}</legend>
        {form.materials.map((material) => (
          <MaterialUpload
            key={material.code}
            slot={material}
            value={attached[material.code]}
            error={serverErrors.materials[material.code]}
            onChange={(next) => {
              changed();
              setAttached((previous) => {
                const copy = { ...previous };
                if (next) copy[material.code] = next;
                else delete copy[material.code];
                return copy;
              });
              setServerErrors((previous) => ({ ...previous, materials: { ...previous.materials, [material.code]: '' } }));
            }}
          />
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={submitting} data-testid="submit-case">
        {submitting ? t('submitting') : t('submitCase')}
      </button>
    </form>
  );
}

function FieldControl({
  field,
  lang,
  value,
  error,
  onChange,
  onBlur,
  prefillNote,
  locked,
}: {
  field: FormField;
  lang: string;
  value: string;
  error?: string;
  onChange(value: string): void;
  onBlur(): void;
  prefillNote?: string;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const id = `field-${field.path.replace(/\./g, '-')}`;
  const describedBy = [error ? `${id}-error` : '', prefillNote ? `${id}-prefill` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.path, required: field.required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, onBlur };
  let control;
  if (locked) {
    // What the verified token says: sent as it is, read-only here (a select cannot be read-only, so a text box).
    control = <input {...common} type="text" value={value} readOnly aria-readonly="true" />;
  } else if (field.type === 'enum' || field.type === 'boolean') {
    const options = field.type === 'boolean' ? [{ value: 'true', label: { zh: '是', en: 'Yes' } }, { value: 'false', label: { zh: '否', en: 'No' } }] : (field.options ?? []);
    control = (
      <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('choose')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {pick(option.label, lang)}
          </option>
        ))}
      </select>
    );
  } else {
    const inputMode = field.type === 'number' ? 'decimal' : field.type === 'integer' ? 'numeric' : undefined;
    control = <input {...common} type={field.type === 'date' ? 'date' : 'text'} inputMode={inputMode} value={value} placeholder={field.example !== undefined ? String(field.example) : undefined} onChange={(event) => onChange(event.target.value)} />;
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`} data-field={field.path}>
      <label htmlFor={id}>
        {pick(field.label, lang)}
        {field.required ? <span className="required-mark" aria-hidden="true"> *</span> : <span className="muted"> ({t('optional')})</span>}
      </label>
      {control}
      {prefillNote && (
        <p id={`${id}-prefill`} className="hint">
          {prefillNote}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" data-field-error={field.path}>
          {error}
        </p>
      )}
    </div>
  );
}
