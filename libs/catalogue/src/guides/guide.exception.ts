export enum GuideErrorCode {
  /** No item with that code in the catalogue. */
  UnknownItem = 'unknown_item',
  /** The code names a step that runs inside the flow (talent category, list screening); it has no guide of its own. */
  NotAServiceItem = 'not_a_service_item',
  UnsupportedLanguage = 'unsupported_language',
  /** The catalogue refers to something it does not define (a material, a field, a prerequisite). */
  InconsistentCatalogue = 'inconsistent_catalogue',
  /** Graphviz failed to lay out the flow chart. */
  RenderFailed = 'render_failed',
}

export class GuideError extends Error {
  constructor(
    readonly code: GuideErrorCode,
    message: string,
  ) {
    super(message);
    this.name = GuideError.name;
  }
}
