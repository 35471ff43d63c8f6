import { ApiError } from '../../api/http';
import {
  canResolve,
  deadLetterPath,
  deadLettersPath,
  discardBodyOf,
  discardProblemOf,
  type DeadLetterView,
  filterOf,
  refusalOf,
  rowsOf,
  serviceBaseOf,
  serviceOf,
} from './dead-letters-model';

const config = {
  services: { approval: 'http://127.0.0.1:3001', scitech: 'http://127.0.0.1:3002', psb: 'http://127.0.0.1:3003', hrss: 'http://127.0.0.1:3004', bigdata: 'http://127.0.0.1:3005' },
};

const deadLetter = (id: string, failedAt: string, status: DeadLetterView['status'] = 'waiting'): DeadLetterView => ({
  id,
  consumerGroup: 'admin-approval',
  key: 'case-1',
  eventType: 'portal.case.submitted',
  code: 'invalid_payload',
  reason: 'cannot be handled',
  source: { topic: 'portal.case-events', partition: 0, offset: '7' },
  failedAt,
  status,
  resolutions: [],
  failedAgainAs: [],
});

describe(serviceBaseOf.name, () => {
  it('reaches the portal at the page’s own origin and every agency at its configured address', () => {
    expect(serviceBaseOf('portal', config)).toBe('');
    expect(serviceBaseOf('admin-approval', config)).toBe('http://127.0.0.1:3001');
    expect(serviceBaseOf('science-tech', config)).toBe('http://127.0.0.1:3002');
    expect(serviceBaseOf('public-security', config)).toBe('http://127.0.0.1:3003');
    expect(serviceBaseOf('hr-social-security', config)).toBe('http://127.0.0.1:3004');
    expect(serviceBaseOf('data-sharing', config)).toBe('http://127.0.0.1:3005');
  });
});

describe(deadLetterPath.name, () => {
  it('encodes the id and names the action', () => {
    expect(deadLetterPath('0:42')).toBe('/api/operations/dead-letters/0%3A42');
    expect(deadLetterPath('2:7', 'discard')).toBe('/api/operations/dead-letters/2%3A7/discard');
    expect(deadLettersPath('waiting')).toBe('/api/operations/dead-letters?status=waiting');
    expect(deadLettersPath('all')).toBe('/api/operations/dead-letters');
  });
});

describe(serviceOf.name, () => {
  it('takes the service and the filter from the address, the portal and the waiting ones by default', () => {
    expect(serviceOf(new URLSearchParams('service=data-sharing'))).toBe('data-sharing');
    expect(serviceOf(new URLSearchParams('service=elsewhere'))).toBe('portal');
    expect(filterOf(new URLSearchParams('show=all'))).toBe('all');
    expect(filterOf(new URLSearchParams(''))).toBe('waiting');
  });
});

describe(rowsOf.name, () => {
  it('shows the newest failure first', () => {
    const rows = rowsOf([deadLetter('0:1', '2026-12-01T08:00:00.000Z'), deadLetter('1:4', '2026-12-02T08:00:00.000Z'), deadLetter('0:2', '2026-12-01T08:00:00.000Z')]);
    expect(rows.map((row) => row.id)).toEqual(['1:4', '0:2', '0:1']);
  });

  it('offers replay and discard for a waiting dead letter only', () => {
    expect(canResolve(deadLetter('0:1', '', 'waiting'))).toBe(true);
    expect(canResolve(deadLetter('0:1', '', 'replayed'))).toBe(false);
    expect(canResolve(deadLetter('0:1', '', 'discarded'))).toBe(false);
  });
});

describe(discardProblemOf.name, () => {
  it('asks for a reason, at most 500 characters, and sends it trimmed', () => {
    expect(discardProblemOf('  ')).toEqual({ key: 'deadLetters.reasonRequired', max: 500 });
    expect(discardProblemOf('x'.repeat(501))).toEqual({ key: 'deadLetters.reasonTooLong', max: 500 });
    expect(discardProblemOf(' test data ')).toBeUndefined();
    expect(discardBodyOf(' test data ')).toEqual({ reason: 'test data' });
  });
});

describe(refusalOf.name, () => {
  it('puts the server’s reason problem at the field', () => {
    expect(refusalOf(new ApiError(400, 'validation_failed', '请求中有无效字段', [{ field: 'reason', message: '必填' }]))).toEqual({ reason: '必填' });
  });

  it('keeps a refusal of the whole request for the form', () => {
    expect(refusalOf(new ApiError(409, 'dead_letter_already_resolved', 'dead letter 0:1 was replayed already'))).toEqual({ form: 'dead letter 0:1 was replayed already' });
    expect(refusalOf(new ApiError(400, 'validation_failed', 'invalid', [{ field: 'id', message: 'must be <partition>:<offset>' }]))).toEqual({ form: 'invalid — id: must be <partition>:<offset>' });
    expect(refusalOf(new Error('Failed to fetch'))).toEqual({ form: 'Failed to fetch' });
  });
});
