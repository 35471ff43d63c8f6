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
    expect(JSON.parse(line).body.applicant).toEqual({ passportNo: REDACTED, surname: REDACTED, nationality: 'GBR' });
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
