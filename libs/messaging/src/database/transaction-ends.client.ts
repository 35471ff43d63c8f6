import type { QueryResult } from 'pg';
import { PreparingClient } from './preparing.client';

const BEGIN = 'START TRANSACTION';

/**
 * Marks a statement whose answer nobody reads and that may wait for the COMMIT, to go with it (the
 * outbox rows: `Transaction.writeOutbox`). To any other connection it is a comment.
 */
export const SENT_WITH_THE_COMMIT = '/* sent with the commit */';

/** What a statement that was not sent (yet) answers: no rows. */
const NOTHING_SENT = { command: '', rowCount: 0, oid: 0, rows: [], fields: [] } as unknown as QueryResult;

/**
 * A connection (pg.Pool's `Client` option) that saves the round trips at a transaction's two ends:
 * its `START TRANSACTION` goes in one message with the statement after it, and a statement marked
 * `SENT_WITH_THE_COMMIT` in one message with the COMMIT. The simple protocol carries several
 * statements in one message only without parameters, so a statement with parameters after the BEGIN
 * still goes on its own (the inbox claim is written without: `UnitOfWork`).
 *
 * Nothing changes but the messages: PostgreSQL takes a transaction's snapshot at its first statement,
 * not at BEGIN; the statements run in the order they were asked for; an error in the one message stops
 * it there, and the failure is answered to the statement that was asked for when it was sent (a held
 * outbox insert fails the COMMIT, which TypeORM then rolls back). Held statements are held only inside
 * a transaction, which TypeORM always ends on the same connection; a transaction that never sent a
 * statement sends nothing at all. Statements with parameters that recur are prepared once
 * (`PreparingClient`).
 */
export class TransactionEndsClient extends PreparingClient {
  /** Statements asked for but not sent yet, in order: the BEGIN, statements marked for the COMMIT. */
  private held: string[] = [];
  private inTransaction = false;

  // Typed loosely: pg's overloads are all served; only TypeORM's promise form (text, values?) is held or joined.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: unknown, values?: unknown, callback?: unknown): any {
    // pg's other forms (a query object, a callback in place of the values or after them) are sent as they are.
    if (typeof config !== 'string' || typeof values === 'function' || callback !== undefined) {
      if (this.held.length === 0) return super.query(config as never, values as never, callback as never);
      return this.flushed().then(() => super.query(config as never, values as never, callback as never));
    }
    const parameters = Array.isArray(values) && values.length > 0 ? values : undefined;
    if (parameters) return this.flushed().then(() => this.sent(config, parameters));
    if (config === BEGIN) return this.flushed().then(() => this.hold(BEGIN));
    if (config === 'COMMIT' || config === 'ROLLBACK') return this.ended(config);
    if (this.inTransaction && config.startsWith(SENT_WITH_THE_COMMIT)) return this.hold(config);
    return this.sentAfterHeld(config);
  }

  private ended(command: 'COMMIT' | 'ROLLBACK'): Promise<QueryResult> {
    const held = this.held;
    this.held = [];
    this.inTransaction = false;
    // Never begun on the server: there is nothing to end (a ROLLBACK also drops what waited for a COMMIT).
    if (held[0] === BEGIN && (command === 'ROLLBACK' || held.length === 1)) return Promise.resolve(NOTHING_SENT);
    return this.joined(command === 'COMMIT' ? [...held, command] : [command]);
  }

  /** Holds a statement of a transaction (its BEGIN, or one marked for the COMMIT) for the next message. */
  private hold(text: string): Promise<QueryResult> {
    this.held.push(text);
    this.inTransaction = true;
    return Promise.resolve(NOTHING_SENT);
  }

  private sentAfterHeld(text: string): Promise<QueryResult> {
    const held = this.held;
    this.held = [];
    return this.joined([...held, text], held.length);
  }

  /** Sends what is held, on its own, before a statement that cannot join it. */
  private async flushed(): Promise<void> {
    if (this.held.length === 0) return;
    const held = this.held;
    this.held = [];
    await this.joined(held);
  }

  /** The statements in one simple-protocol message; answers those from `from` on (one result, or pg's array of several). */
  private async joined(texts: string[], from = texts.length - 1): Promise<QueryResult> {
    if (texts.length === 1) return this.sent(texts[0]);
    const results = (await this.sent(texts.join('; '))) as unknown as QueryResult[];
    const asked = results.slice(from);
    return asked.length === 1 ? asked[0] : (asked as unknown as QueryResult);
  }

  private sent(text: string, values?: unknown[]): Promise<QueryResult> {
    return super.query(text, values);
  }
}
