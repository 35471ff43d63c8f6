import { describeQueryError } from './query-error-logger';

describe(describeQueryError.name, () => {
  it("says the SQLSTATE, table and constraint of a failed query but neither the values nor PostgreSQL's quoting of them", () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "E12345678"'), { code: '22P02', table: 'case_file' });

    const line = describeQueryError(error, 'SELECT * FROM case_file\n  WHERE case_id = $1');

    expect(line).toBe('query failed (SQLSTATE 22P02, table case_file): SELECT * FROM case_file WHERE case_id = $1');
    expect(line).not.toContain('E12345678');
  });

  it('leaves out the values a statement carries as literals, quotes and backslashes included', () => {
    const line = describeQueryError({ code: '23505' }, `/* sent with the commit */ INSERT INTO applicant_prefill (applicant_id, fields) VALUES ('E12345678', E'{"name":"O''Brien \\\\ 王"}')`);

    expect(line).toBe(`query failed (SQLSTATE 23505): /* sent with the commit */ INSERT INTO applicant_prefill (applicant_id, fields) VALUES ('…', E'…')`);
  });

  it('names a violated constraint', () => {
    expect(describeQueryError({ code: '23505', constraint: 'uq_material_upload' }, 'INSERT INTO material_upload VALUES ($1, $2)')).toContain('constraint uq_material_upload');
  });
});
