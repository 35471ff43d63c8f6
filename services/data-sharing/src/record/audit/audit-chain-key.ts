import { isLocalEnvironment } from '@work-permit/auth';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The key local runs and tests chain the access log with; production takes AUDIT_CHAIN_KEY. */
export const LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY = 'weihai-local-audit-chain-key';

// An HMAC key shorter than this is guessable in practice.
export const MIN_AUDIT_CHAIN_KEY_LENGTH = 32;

/** Why `key` cannot chain the access log under `nodeEnv`, or undefined when it can. */
export function auditChainKeyProblem(key: string | undefined, nodeEnv: string | undefined): string | undefined {
  if (isLocalEnvironment(nodeEnv)) return undefined;
  if (!key || key.trim() === '' || key === LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY || key.length < MIN_AUDIT_CHAIN_KEY_LENGTH) {
    return `AUDIT_CHAIN_KEY must be set to a secret of at least ${MIN_AUDIT_CHAIN_KEY_LENGTH} characters outside development and test`;
  }
  return undefined;
}

/** The key the access log is chained with: the local one only where development or test is said explicitly. */
export function auditChainKeyOf(key: string | undefined, nodeEnv: string | undefined): string {
  const problem = auditChainKeyProblem(key, nodeEnv);
  if (problem) throw new Error(problem);
  return key?.trim() ? key : LOCAL_DEVELOPMENT_AUDIT_CHAIN_KEY;
}

/** Checks AUDIT_CHAIN_KEY at boot against the config's NODE_ENV, so production never chains with a guessable key. */
export function IsAuditChainKey(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAuditChainKey',
      validator: {
        validate: (value: unknown, args) => (value === undefined || typeof value === 'string') && auditChainKeyProblem(value, (args?.object as { NODE_ENV?: string }).NODE_ENV) === undefined,
        defaultMessage: (args) => auditChainKeyProblem(typeof args?.value === 'string' ? args.value : undefined, (args?.object as { NODE_ENV?: string }).NODE_ENV) ?? 'AUDIT_CHAIN_KEY must be a string',
      },
    },
    options,
  );
}
