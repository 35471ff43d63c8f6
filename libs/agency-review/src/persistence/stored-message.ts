import { type Message, messageOrWritten } from '@work-permit/catalogue';

/**
 * A message of the catalogue as a jsonb column holds it. Declared flat for TypeORM (a Message's
 * nested parameters make its entity types recurse without end); read back through `messageOf`.
 */
export interface StoredMessage {
  code: string;
  params: object;
}

/** The stored message when this build knows its code, its words as written otherwise. */
export function messageOf(stored: StoredMessage | null | undefined): Message | null {
  const text = (stored?.params as { text?: unknown } | undefined)?.text;
  return messageOrWritten(stored, typeof text === 'string' ? text : stored?.code) ?? null;
}
