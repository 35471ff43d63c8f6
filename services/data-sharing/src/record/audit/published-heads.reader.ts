import { timestampDate } from '@bufbuild/protobuf/wkt';
import { decodeEnvelope, decodeWith, Events, Topics } from '@work-permit/contracts';
import type { TopicHistory } from '@work-permit/messaging';
import type { PublishedHead } from './published-head';

/** Every head of `log` published on sharing.events, read from offset 0 to the current end. */
export async function publishedHeadsOf(history: TopicHistory, log: string): Promise<PublishedHead[]> {
  const heads: PublishedHead[] = [];
  await history.visit(
    [Topics.sharing],
    ({ value }) => {
      const head = headOf(value, log);
      if (head) heads.push(head);
    },
    { groupPrefix: 'data-sharing-audit-verify' },
  );
  return heads;
}

/** The head a message publishes for `log`, or undefined for any other message. */
export function headOf(bytes: Uint8Array, log: string): PublishedHead | undefined {
  let envelope: ReturnType<typeof decodeEnvelope>;
  try {
    envelope = decodeEnvelope(bytes);
  } catch {
    return undefined;
  }
  if (envelope.type !== Events.SharingAccessLogHeadPublished.type) return undefined;
  const { payload } = decodeWith(Events.SharingAccessLogHeadPublished, envelope);
  if (payload.log !== log) return undefined;
  return { id: Number(payload.rowId), hash: payload.hash, rowAt: payload.rowAt ? timestampDate(payload.rowAt) : new Date(0) };
}
