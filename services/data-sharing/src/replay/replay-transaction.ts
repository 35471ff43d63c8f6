import type { MessageInitShape } from '@bufbuild/protobuf';
import type { EventDefinition, EventMetadata } from '@work-permit/contracts';
import { Transaction } from '@work-permit/messaging';

/** A transaction whose events go nowhere: a replay rebuilds state, it must not announce anything again. */
export class ReplayTransaction extends Transaction {
  override publish<D extends EventDefinition>(_definition: D, _payload: MessageInitShape<D['schema']>, _metadata: EventMetadata): Promise<string> {
    return Promise.resolve('');
  }

  /** No lock is needed: a rebuild is its new database's only writer, one transaction at a time. */
  override lock(_key: string): Promise<void> {
    return Promise.resolve();
  }
}
