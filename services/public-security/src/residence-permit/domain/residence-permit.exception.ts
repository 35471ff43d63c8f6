import { type Message, onTheWire } from '@work-permit/catalogue';

export enum ResidencePermitErrorCode {
  InvalidArgument = 'invalid_argument',
  CatalogueItemMissing = 'catalogue_item_missing',
}

/**
 * A residence-permit rule called with input it cannot judge; the edge maps the code to HTTP or a DLQ
 * reason. `reason` says why in the catalogue's words (rendered in the reader's language); the error's
 * own message is the same in Chinese, then English, for logs and readers of plain text.
 */
export class ResidencePermitError extends Error {
  override readonly name = 'ResidencePermitError';

  constructor(
    readonly code: ResidencePermitErrorCode,
    readonly reason: Message,
  ) {
    super(onTheWire(reason));
  }
}
