export enum ResidencePermitErrorCode {
  InvalidArgument = 'invalid_argument',
  CatalogueItemMissing = 'catalogue_item_missing',
}

/** A residence-permit rule called with input it cannot judge; the edge maps the code to HTTP or a DLQ reason. */
export class ResidencePermitError extends Error {
  override readonly name = 'ResidencePermitError';

  constructor(
    readonly code: ResidencePermitErrorCode,
    message: string,
  ) {
    super(message);
  }
}
