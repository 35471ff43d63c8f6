import { EnvelopeDecodeError } from '@work-permit/contracts';
import { backoffMs, classifyFailure, failureDisposition, PermanentMessageError, TransientMessageError } from './errors';

describe('classifyFailure', () => {
  it.each([
    ['a connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a PostgreSQL serialization failure', Object.assign(new Error('could not serialize'), { code: '40001' })],
    ['a deadlock seen through TypeORM', Object.assign(new Error('QueryFailedError'), { driverError: { code: '40P01' } })],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a retriable Kafka error', Object.assign(new Error('leader not available'), { retriable: true })],
    ['an explicit transient error', new TransientMessageError('later')],
    ['a statement prepared before a migration changed its columns', Object.assign(new Error('cached plan must not change result type'), { code: '0A000' })],
  ])('treats %s as transient', (_label, error) => {
    expect(classifyFailure(error)).toBe('transient');
  });

  it.each([
    ['an undecodable envelope', new EnvelopeDecodeError('bad bytes')],
    ['an explicit permanent error', new PermanentMessageError('invalid_payload', 'no items')],
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
  ])('treats %s as permanent (an unknown error counts as permanent)', (_label, error) => {
    expect(classifyFailure(error)).toBe('permanent');
  });
});

describe('failureDisposition', () => {
  it.each([
    ['an undecodable envelope', new EnvelopeDecodeError('bad bytes'), 'permanent'],
    ['an explicit permanent error', new PermanentMessageError('invalid_payload', 'no items'), 'permanent'],
    ['a serialization failure', Object.assign(new Error('could not serialize'), { code: '40001' }), 'transient'],
    ['an explicit transient error', new TransientMessageError('later'), 'transient'],
    // Not known either way: retried a few times by the consumer, then dead-lettered.
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' }), 'unknown'],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')"), 'unknown'],
    ['a thrown string', 'boom', 'unknown'],
  ])('makes %s %s', (_label, error, disposition) => {
    expect(failureDisposition(error)).toBe(disposition);
  });
});

describe('backoffMs', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffMs(attempt, 100, 2_000))).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
  });
});
