import { ValidateBy, type ValidationOptions } from 'class-validator';
import { recordScopesProblems } from './record-scopes';

/** Checks RECORD_SCOPES at boot, so a bad scope stops the service instead of releasing the wrong fields. */
export function IsRecordScopes(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRecordScopes',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && recordScopesProblems(value).length === 0,
        defaultMessage: (args) => (typeof args?.value === 'string' ? recordScopesProblems(args.value).join('; ') : 'RECORD_SCOPES must be a JSON string'),
      },
    },
    options,
  );
}
