import { escapeLiteral } from 'pg';

// pg's own conversion of a parameter to the text it sends (pg/lib/utils; @types/pg does not describe it).
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => string | Buffer | null };

/** A quoted string, a quoted identifier, or a parameter `$n`: quoted text is skipped, so a `$1` inside it stays as written. */
const TOKEN = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g;

/**
 * `text` with each parameter `$n` replaced by `values[n - 1]` as a literal: the text pg would have
 * sent as that parameter, quoted by pg's `escapeLiteral`, or NULL. PostgreSQL gives a quoted literal
 * the type its place asks for, as it does an untyped parameter, so the statement means the same; it
 * can then go to the database in one message with others (the simple protocol takes no parameters).
 * The text's own strings must be standard ones ('…', not E'…' or dollar-quoted).
 */
export function withValuesWritten(text: string, values: readonly unknown[]): string {
  return text.replace(TOKEN, (token: string, position: string | undefined) => {
    if (position === undefined) return token;
    const index = Number(position) - 1;
    if (index < 0 || index >= values.length) throw new RangeError(`$${position} has no value (${values.length} given)`);
    return literalOf(values[index]);
  });
}

function literalOf(value: unknown): string {
  const prepared = prepareValue(value);
  if (prepared === null) return 'NULL';
  // bytea's hex input form, as text.
  return escapeLiteral(Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : prepared);
}
