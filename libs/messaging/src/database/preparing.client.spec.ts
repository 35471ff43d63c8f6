import { StatementNames } from './preparing.client';

describe('StatementNames', () => {
  it('names a text on its second sighting, and always by the same name after', () => {
    const names = new StatementNames();
    expect(names.nameOf('SELECT $1')).toBeUndefined();
    const name = names.nameOf('SELECT $1');
    expect(name).toEqual(expect.any(String));
    expect(names.nameOf('SELECT $1')).toBe(name);
  });

  it('gives each text a name of its own', () => {
    const names = new StatementNames(10, 1);
    const given = ['SELECT $1', 'SELECT $1 ', 'SELECT $2, $1'].map((text) => names.nameOf(text));
    expect(new Set(given).size).toBe(3);
  });

  it('names no more texts than its capacity, and keeps the names it gave', () => {
    const names = new StatementNames(2, 1);
    const first = names.nameOf('SELECT 1 WHERE $1');
    const second = names.nameOf('SELECT 2 WHERE $1');
    expect(names.nameOf('SELECT 3 WHERE $1')).toBeUndefined();
    expect(names.nameOf('SELECT 3 WHERE $1')).toBeUndefined();
    expect([names.nameOf('SELECT 1 WHERE $1'), names.nameOf('SELECT 2 WHERE $1')]).toEqual([first, second]);
  });

  it('forgets the sightings when it has kept too many, so a text seen once long ago starts again', () => {
    const names = new StatementNames(10, 2, 3);
    names.nameOf('the old text $1');
    for (const text of ['a $1', 'b $1', 'c $1']) names.nameOf(text);
    expect(names.nameOf('the old text $1')).toBeUndefined();
    expect(names.nameOf('the old text $1')).toEqual(expect.any(String));
  });
});
