import pino from 'pino';
import { Writable } from 'node:stream';
import { serviceLoggerOptions } from './logger.module';
import { maskPersonalData, REDACTED, redactPersonalDataInLogLine, WITHHELD_LOG_LINE } from './personal-data';

function captureLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const { hooks } = serviceLoggerOptions({ service: 'portal', level: 'info' });
  const logger = pino({ hooks }, sink);
  return { logger, lines };
}

describe('personal data in the service logger', () => {
  it('redacts a passport number and names nested in a request body', () => {
    const { logger, lines } = captureLogger();
    logger.info({ body: { applicant: { passportNo: 'E12345678', surname: 'Smith', nationality: 'GBR' } } }, 'submitted');
    const line = lines.join('');
    expect(line).not.toContain('E12345678');
    expect(line).not.toContain('Smith');
    expect(JSON.parse(line).body.applicant).toEqual({ passportNo: REDACTED, surname: REDACTED, nationality: REDACTED });
  });

  it.each([
    ['nationality and passport expiry', { applicant: { nationality: 'GBR', passportExpiry: '2031-01-01' } }, ['GBR', '2031-01-01']],
    ['an address', { residence: { address: 'Room 1201, 8 Example Street' } }, ['Example Street']],
    ['a file name', { materials: [{ code: 'PASSPORT', fileName: 'maria-schmidt-passport.pdf' }] }, ['maria-schmidt']],
    ['record values and their history', { field: { path: 'applicant.phone', value: '+8613800138000' }, change: { oldValue: 'a@x.cn', newValue: 'b@x.cn' } }, ['138001', 'a@x.cn', 'b@x.cn']],
    ['a verified identity', { principal: { subject: 's', identity: { passportNo: 'E1', nationality: 'DEU' } } }, ['DEU']],
    ['a salary', { employment: { annualSalaryCny: 480000 } }, ['480000']],
  ])('redacts %s', (_label, object, secrets) => {
    const { logger, lines } = captureLogger();
    logger.info(object, 'x');
    const line = lines.join('');
    for (const secret of secrets) expect(line).not.toContain(secret);
    expect(line).toContain(REDACTED);
  });

  it('redacts identifiers at the top level and in arrays of objects', () => {
    const { logger, lines } = captureLogger();
    logger.info({ passportNo: 'P1', people: [{ email: 'a@example.com' }] }, 'x');
    const parsed = JSON.parse(lines.join(''));
    expect(parsed.passportNo).toBe(REDACTED);
    expect(parsed.people[0].email).toBe(REDACTED);
  });

  it('leaves non-personal fields intact', () => {
    const { logger, lines } = captureLogger();
    logger.info({ caseId: 'c-1', correlationId: 'k-1' }, 'x');
    expect(JSON.parse(lines.join(''))).toMatchObject({ caseId: 'c-1', correlationId: 'k-1' });
  });

  it('redacts at any depth, in a child logger\'s bindings and in an error\'s own fields', () => {
    const { logger, lines } = captureLogger();
    logger.child({ applicant: { passportNo: 'E7654321' } }).info({ a: { b: { c: { d: { e: { f: { g: { surname: 'Deepname' } } } } } } } }, 'x');
    const failure = Object.assign(new Error('refused'), { details: { email: 'someone@example.com' } });
    logger.error({ err: failure }, 'failed');
    const text = lines.join('');
    for (const secret of ['E7654321', 'Deepname', 'someone@example.com']) expect(text).not.toContain(secret);
    const [first, second] = lines.map((line) => JSON.parse(line));
    expect(first.applicant.passportNo).toBe(REDACTED);
    expect(first.a.b.c.d.e.f.g.surname).toBe(REDACTED);
    expect(second.err).toMatchObject({ message: 'refused', details: { email: REDACTED } });
  });

  it('passes a line without a personal-data key on unchanged', () => {
    const line = '{"level":30,"time":1,"caseId":"c-1","msg":"the email was sent"}\n';
    expect(redactPersonalDataInLogLine(line)).toBe(line);
  });

  it('withholds a line it cannot read rather than pass personal data on unchecked', () => {
    expect(redactPersonalDataInLogLine('{"passportNo":"E1" broken\n')).toBe(WITHHELD_LOG_LINE);
    expect(JSON.parse(WITHHELD_LOG_LINE)).toMatchObject({ msg: expect.stringContaining('withheld') });
  });
});

describe(maskPersonalData.name, () => {
  it('masks values under personal-data keys in objects and arrays, leaving the rest and the input as they were', () => {
    const input = { caseId: 'c-1', people: [{ email: 'a@example.com', role: 'HR' }], value: { nested: 1 } };
    expect(maskPersonalData(input)).toEqual({ caseId: 'c-1', people: [{ email: REDACTED, role: 'HR' }], value: REDACTED });
    expect(input.people[0].email).toBe('a@example.com');
  });
});
