export enum SocialSecurityErrorCode {
  InvalidArgument = 'invalid_argument',
  CatalogueItemMissing = 'catalogue_item_missing',
}

/** A social-security rule called with input it cannot judge; the edge maps the code to HTTP or a DLQ reason. */
export class SocialSecurityError extends Error {
  override readonly name = 'SocialSecurityError';

  constructor(
    readonly code: SocialSecurityErrorCode,
    message: string,
  ) {
    super(message);
  }
}
