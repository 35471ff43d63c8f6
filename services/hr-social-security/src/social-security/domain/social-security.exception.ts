import { type Message, onTheWire } from '@work-permit/catalogue';

export enum SocialSecurityErrorCode {
  InvalidArgument = 'invalid_argument',
  CatalogueItemMissing = 'catalogue_item_missing',
}

/**
 * A social-security rule called with input it cannot judge. `reason` says why as a message of the
 * catalogue (rendered in the reader's language); the edge maps the code to HTTP or a DLQ reason, and the
 * review workflow shows the reason to the officer who decides the item instead. `message` is the reason
 * in Chinese and English, for logs.
 */
export class SocialSecurityError extends Error {
  override readonly name = 'SocialSecurityError';

  constructor(
    readonly code: SocialSecurityErrorCode,
    readonly reason: Message,
  ) {
    super(onTheWire(reason));
  }
}
