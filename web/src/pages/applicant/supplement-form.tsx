import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import type { CaseItemView } from '../../api/types';
import { type AttachedMaterial, placeServerErrors } from '../../form/form-model';
import { MaterialUpload } from '../../form/material-upload';
import { useApp } from '../../session/app-context';
import { type SupplementSlot, supplementProblems } from './case-model';

interface SupplementFormProps {
  caseId: string;
  item: CaseItemView;
  slots: SupplementSlot[];
  onSent(): void;
}

/** Answers a supplement request (补正): uploads each requested document, then sends them for the item. */
export function SupplementForm({ caseId, item, slots, onSent }: SupplementFormProps) {
  const { t, i18n } = useTranslation('applicant');
  const { api } = useApp();
  const id = useId();
  const [attached, setAttached] = useState<Record<string, AttachedMaterial>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [materialErrors, setMaterialErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; lines: string[] }>();
  const [sending, setSending] = useState(false);
  const separator = i18n.language === 'zh' ? '、' : ', ';
  const nameOf = (code: string) => slots.find((slot) => slot.code === code)?.name ?? code;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const found = supplementProblems(slots, attached);
    const lines = [
      ...(found.missing.length > 0 ? [t('supplement.missing', { names: found.missing.map(nameOf).join(separator) })] : []),
      ...(found.undated.length > 0 ? [t('supplement.undated', { names: found.undated.map(nameOf).join(separator) })] : []),
      ...(found.empty && found.missing.length === 0 ? [t('supplement.empty')] : []),
    ];
    setProblems(lines);
    setFailure(undefined);
    if (lines.length > 0) return;
    const materials = slots.flatMap((slot) => (attached[slot.code] ? [attached[slot.code]] : []));
    setSending(true);
    try {
      await api.supplement(caseId, { item: item.code, materials: materials.map(({ code, sha256, fileName, issuedAt }) => ({ code, sha256, fileName, issuedAt })) });
      setAttached({});
      setMaterialErrors({});
      onSent();
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        const placed = placeServerErrors(error.fieldErrors(), materials);
        setMaterialErrors(placed.materials);
        setFailure({ message: error.message, lines: [...placed.general, ...Object.entries(placed.fields).map(([field, message]) => `${field}: ${message}`)] });
      } else {
        setFailure({ message: error instanceof Error ? error.message : String(error), lines: [] });
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="supplement" noValidate aria-labelledby={`${id}-title`} data-supplement={item.code} onSubmit={(event) => void onSubmit(event)}>
      <h4 id={`${id}-title`}>{t('supplement.title')}</h4>
      <p>{t(item.requestedMaterials.length > 0 ? 'supplement.intro' : 'supplement.introAny')}</p>
      {(problems.length > 0 || failure) && (
        <div role="alert" className="notice notice-error" data-testid="supplement-error">
          {failure && <strong>{failure.message}</strong>}
          <ul>
            {[...problems, ...(failure?.lines ?? [])].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {slots.map((slot) => (
        <MaterialUpload
          key={slot.code}
          slot={{ code: slot.code, name: { zh: slot.name, en: slot.name }, required: slot.required, ...(slot.validityMonths !== undefined ? { validityMonths: slot.validityMonths } : {}) }}
          value={attached[slot.code]}
          error={materialErrors[slot.code]}
          onChange={(next) => {
            setAttached((previous) => {
              const copy = { ...previous };
              if (next) copy[slot.code] = next;
              else delete copy[slot.code];
              return copy;
            });
            setMaterialErrors((previous) => ({ ...previous, [slot.code]: '' }));
          }}
        />
      ))}
      <button type="submit" className="primary" disabled={sending} data-testid={`send-supplement-${item.code}`}>
        {sending ? t('supplement.sending') : t('supplement.send')}
      </button>
    </form>
  );
}
