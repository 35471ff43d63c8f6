import { applyHref, chooseHref, formatSelection, parseSelection } from './selection';

describe('parseSelection', () => {
  it('reads CODE:action pairs in order', () => {
    expect(parseSelection('WORK_PERMIT:issue,RESIDENCE_PERMIT:issue')).toEqual([
      { code: 'WORK_PERMIT', action: 'issue' },
      { code: 'RESIDENCE_PERMIT', action: 'issue' },
    ]);
  });

  it('ignores blanks, spaces, unknown actions, malformed codes and repeated items', () => {
    expect(parseSelection(' WORK_PERMIT : extend , ,SOCIAL_INSURANCE:apply,work_permit:issue,X:issue,RESIDENCE_PERMIT:renew,WORK_PERMIT:issue,A:B:C')).toEqual([
      { code: 'WORK_PERMIT', action: 'extend' },
      { code: 'SOCIAL_INSURANCE', action: 'apply' },
    ]);
  });

  it('gives nothing for a missing or empty value', () => {
    expect(parseSelection(null)).toEqual([]);
    expect(parseSelection(undefined)).toEqual([]);
    expect(parseSelection('')).toEqual([]);
    expect(parseSelection('WORK_PERMIT')).toEqual([]);
  });
});

describe('formatSelection', () => {
  it('is read back by parseSelection', () => {
    const items = [
      { code: 'WORK_PERMIT', action: 'change' },
      { code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' },
    ];
    expect(formatSelection(items)).toBe('WORK_PERMIT:change,E_SOCIAL_SECURITY_CARD:apply');
    expect(parseSelection(formatSelection(items))).toEqual(items);
  });

  it('builds the links to the one form and back to the catalogue', () => {
    const items = [
      { code: 'WORK_PERMIT', action: 'issue' },
      { code: 'RESIDENCE_PERMIT', action: 'issue' },
    ];
    expect(applyHref(items)).toBe('/apply?items=WORK_PERMIT:issue,RESIDENCE_PERMIT:issue');
    expect(chooseHref(items)).toBe('/?items=WORK_PERMIT:issue,RESIDENCE_PERMIT:issue');
    expect(chooseHref([])).toBe('/');
  });

  it('survives the browser decoding of an escaped query', () => {
    const query = new URLSearchParams('items=WORK_PERMIT%3Aissue%2CRESIDENCE_PERMIT%3Aissue');
    expect(parseSelection(query.get('items'))).toHaveLength(2);
  });
});
