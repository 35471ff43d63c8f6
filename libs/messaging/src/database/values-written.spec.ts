import { withValuesWritten } from './values-written';

describe(withValuesWritten.name, () => {
  it('writes each parameter as the literal of the text pg would send for it', () => {
    const at = new Date(Date.UTC(2026, 11, 7, 3, 4, 5, 6));
    const written = withValuesWritten('INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      "O'Brien",
      42,
      true,
      null,
      undefined,
      ['a', 'b"c', null],
      { name: '王' },
      Buffer.from([0, 255]),
    ]);
    expect(written).toBe(`INSERT INTO t VALUES ('O''Brien', '42', 'true', NULL, NULL,  E'{"a","b\\\\"c",NULL}', '{"name":"王"}',  E'\\\\x00ff')`);
    // A date as pg sends it (its text form in the process's time zone), not as JavaScript prints it.
    expect(withValuesWritten('SELECT $1::timestamptz', [at])).toMatch(/^SELECT '2026-12-0[67]T\d\d:\d\d:05\.006[+-]\d\d:\d\d'::timestamptz$/);
  });

  it('quotes what could end the literal early: a quote, a backslash, a statement after it', () => {
    expect(withValuesWritten('SELECT $1', ["x'); DROP TABLE t; --\\"])).toBe(`SELECT  E'x''); DROP TABLE t; --\\\\'`);
  });

  it('tells $1 from $10, and leaves a $ inside quoted text or a quoted name as written', () => {
    const values = Array.from({ length: 10 }, (_, index) => `v${index + 1}`);
    expect(withValuesWritten(`SELECT $10, $1, '$2 and ''$3''', "col$4" FROM t`, values)).toBe(`SELECT 'v10', 'v1', '$2 and ''$3''', "col$4" FROM t`);
  });

  it('refuses a parameter that has no value', () => {
    expect(() => withValuesWritten('SELECT $1, $2', ['only one'])).toThrow('$2 has no value (1 given)');
    expect(() => withValuesWritten('SELECT $0', ['x'])).toThrow('$0 has no value');
  });
});
