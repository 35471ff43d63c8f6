import pino from 'pino';
import { Writable } from 'node:stream';
import { personalDataRedactPaths, REDACTED } from './personal-data';

function captureLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ redact: { paths: personalDataRedactPaths(), censor: REDACTED } }, sink);
  return { logger, lines };
}

describe('personalDataRedactPaths', () => {
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
});
