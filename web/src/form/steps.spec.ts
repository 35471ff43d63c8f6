import type { FormField, FormMaterial } from '../api/types';
import { canVisit, fieldsOfStep, firstStepWithProblem, nextStep, previousStep, problemsByPath, problemsOfStep, stepOfPath, stepsOf } from './steps';

const field = (path: string): FormField => ({ path, type: 'string', required: true, label: { zh: path, en: path } });
const material = (code: string): FormMaterial => ({ code, name: { zh: code, en: code }, items: ['WORK_PERMIT'], required: true }) as FormMaterial;

const FIELDS = ['applicant.surname', 'talent.recognition', 'employer.uscc', 'employment.position', 'insurance.claimsAgreementExemption', 'future.thing'].map(field);

describe(stepOfPath.name, () => {
  it('puts each section in its step, errors by their path, and the body as a whole in the check', () => {
    expect(stepOfPath('applicant.passportNo')).toBe('you');
    expect(stepOfPath('holdings.workPermitNo')).toBe('you');
    expect(stepOfPath('employer.uscc')).toBe('employer');
    expect(stepOfPath('employment.contractEnd')).toBe('job');
    expect(stepOfPath('items.0.code')).toBe('items');
    expect(stepOfPath('materials.2.sha256')).toBe('materials');
    expect(stepOfPath('')).toBe('check');
    // A section the catalogue adds later is still asked somewhere.
    expect(stepOfPath('future.thing')).toBe('job');
  });
});

describe(stepsOf.name, () => {
  it('has every step the form asks something in, in order, with the items first and the check last', () => {
    expect(stepsOf({ fields: FIELDS, materials: [material('PASSPORT')] })).toEqual(['items', 'you', 'employer', 'job', 'materials', 'check']);
  });

  it('leaves out the steps with nothing to ask', () => {
    expect(stepsOf({ fields: [field('applicant.surname')], materials: [] })).toEqual(['items', 'you', 'check']);
  });

  it('previews the shared record’s facts right after the items, before anything is filled in, when it offers some', () => {
    expect(stepsOf({ fields: FIELDS, materials: [] }, true)).toEqual(['items', 'reuse', 'you', 'employer', 'job', 'check']);
    expect(stepOfPath('prefillConsent.declined.0')).toBe('reuse');
  });
});

describe(fieldsOfStep.name, () => {
  it('gives the fields of one step in the form’s order', () => {
    expect(fieldsOfStep(FIELDS, 'you').map((f) => f.path)).toEqual(['applicant.surname', 'talent.recognition']);
    expect(fieldsOfStep(FIELDS, 'job').map((f) => f.path)).toEqual(['employment.position', 'insurance.claimsAgreementExemption', 'future.thing']);
  });
});

describe('moving between steps', () => {
  const steps = stepsOf({ fields: FIELDS, materials: [] });

  it('goes forward and back one step at a time, and stops at the ends', () => {
    expect(nextStep(steps, 'items')).toBe('you');
    expect(nextStep(steps, 'job')).toBe('check');
    expect(nextStep(steps, 'check')).toBeUndefined();
    expect(previousStep(steps, 'you')).toBe('items');
    expect(previousStep(steps, 'items')).toBeUndefined();
  });

  it('lets the progress list open any step up to the furthest reached, none beyond', () => {
    expect(canVisit(steps, 'employer', 'items')).toBe(true);
    expect(canVisit(steps, 'employer', 'employer')).toBe(true);
    expect(canVisit(steps, 'employer', 'job')).toBe(false);
    expect(canVisit(steps, 'employer', 'materials')).toBe(false);
  });
});

describe(problemsOfStep.name, () => {
  const problems = problemsByPath([
    { field: 'applicant.surname', message: 'required' },
    { field: 'employer.uscc', message: 'check character' },
    { field: 'employer.uscc', message: 'required' },
    { field: 'materials.0.sha256', message: 'not yours' },
  ]);

  it('keeps only the problems of the step being left, and joins two of one field', () => {
    expect(problemsOfStep(problems, 'employer')).toEqual({ 'employer.uscc': 'check character; required' });
    expect(problemsOfStep(problems, 'job')).toEqual({});
  });

  it('finds the first step with a problem, in the form’s order', () => {
    expect(firstStepWithProblem(['items', 'you', 'employer', 'materials', 'check'], problems)).toBe('you');
    expect(firstStepWithProblem(['items', 'you'], {})).toBeUndefined();
  });
});
