import { displayValue, factRowsOf, fieldLabelsOf } from './facts-model';

describe(displayValue.name, () => {
  const words = { yes: 'yes', no: 'no', none: '—' };
  it('spells out every kind of value', () => {
    expect(displayValue('P1234567', words)).toBe('P1234567');
    expect(displayValue(350000, words)).toBe('350000');
    expect(displayValue(true, words)).toBe('yes');
    expect(displayValue(false, words)).toBe('no');
    expect(displayValue(null, words)).toBe('—');
    expect(displayValue('', words)).toBe('—');
    expect(displayValue(['A', 'B'], words)).toBe('A, B');
    expect(displayValue({ permitNo: 'WP1', points: 85 }, words)).toBe('permitNo: WP1; points: 85');
  });
});

describe(factRowsOf.name, () => {
  const labels = fieldLabelsOf(
    {
      fields: [
        { path: 'applicant.surname', type: 'string', required: true, label: { zh: '姓', en: 'Surname' } },
        { path: 'applicant.sex', type: 'enum', required: true, label: { zh: '性别', en: 'Sex' }, options: [{ value: 'F', label: { zh: '女', en: 'Female' } }] },
        { path: 'holdings.workPermitNo', type: 'string', required: false, label: { zh: '工作许可证号', en: 'Work permit no.' } },
      ],
    },
    'en',
  );

  it('labels each fact as the form does, enum values by their option', () => {
    expect(factRowsOf({ surname: 'Smith', sex: 'F', phone: '+86 139' }, 'applicant', labels)).toEqual([
      { path: 'applicant.surname', label: 'Surname', value: 'Smith' },
      { path: 'applicant.sex', label: 'Sex', value: 'Female' },
      { path: 'applicant.phone', label: 'applicant.phone', value: '+86 139' },
    ]);
  });

  it('flattens nested sections to their paths', () => {
    expect(factRowsOf({ holdings: { workPermitNo: 'WP9' } }, '', labels)).toEqual([{ path: 'holdings.workPermitNo', label: 'Work permit no.', value: 'WP9' }]);
  });

  it('shows nothing for a missing section', () => {
    expect(factRowsOf(undefined, 'employer', labels)).toEqual([]);
  });

  it('labels in Chinese for a Chinese reader', () => {
    expect(fieldLabelsOf({ fields: [{ path: 'a', type: 'string', required: true, label: { zh: '甲', en: 'A' } }] }, 'zh')).toEqual({ a: { label: '甲', options: {} } });
  });
});
