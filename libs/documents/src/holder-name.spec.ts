import { fullName, maskedName } from './holder-name';

describe(maskedName.name, () => {
  it('keeps the first three letters of the surname and the first of each given name', () => {
    expect(maskedName('Smith', 'John')).toBe('SMI*** J***');
    expect(maskedName('MÜLLER', 'Anna Maria')).toBe('MÜL*** A*** M***');
  });

  it('masks a short surname all the same', () => {
    expect(maskedName('Li', 'Wei')).toBe('LI*** W***');
  });

  it('leaves nothing to show when no name is held', () => {
    expect(maskedName('', '')).toBe('');
  });
});

describe(fullName.name, () => {
  it('writes the surname in capitals before the given names, as a passport does', () => {
    expect(fullName('Smith', 'John Paul')).toBe('SMITH John Paul');
  });
});
