import type { Message } from './messages/phrase';

export enum CatalogueErrorCode {
  UnknownVersion = 'unknown_version',
  InvalidCatalogue = 'invalid_catalogue',
  PrerequisiteCycle = 'prerequisite_cycle',
  EmptySelection = 'empty_selection',
  UnknownItem = 'unknown_item',
  StepNotSelectable = 'step_not_selectable',
  ActionNotOffered = 'action_not_offered',
  DuplicateItem = 'duplicate_item',
  InvalidArgument = 'invalid_argument',
}

/**
 * A catalogue that cannot be used as asked: unknown version, inconsistent data or an invalid selection.
 * An invalid selection, which a person made, also carries its `reasons` as messages of the catalogue.
 */
export class CatalogueError extends Error {
  constructor(
    readonly code: CatalogueErrorCode,
    message: string,
    /** One line per problem when there are several (all problems of a catalogue or a selection). */
    readonly details: string[] = [],
    /** The problems in words for the person who chose, one message each (a selection's). */
    readonly reasons: readonly Message[] = [],
  ) {
    super(message);
    this.name = 'CatalogueError';
  }
}
