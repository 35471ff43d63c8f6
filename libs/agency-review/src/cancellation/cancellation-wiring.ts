import type { Type } from '@nestjs/common';
import { CURRENT_CATALOGUE_VERSION, getCatalogue } from '@work-permit/catalogue';
import { Events } from '@work-permit/contracts';
import { ContractEndedConsumer } from './contract-ended.consumer';
import { agencyDependantsOf, CONTRACT_BOUND_ITEM } from './permit-cancellation.rules';
import { PermitCancelledConsumer } from './permit-cancelled.consumer';
import { PermitCancellationsController } from './permit-cancellations.controller';

/**
 * What an agency takes part in, by the catalogue: the owner of the work permit (the producer of
 * `approval.permit.cancelled`) takes the employer's reports; an agency with items that depend on the
 * permit takes the notice. Every agency lists what it knows.
 */
export function cancellationControllers(agency: string): Type[] {
  const catalogue = getCatalogue(CURRENT_CATALOGUE_VERSION);
  const owner = catalogue.items.find((item) => item.code === CONTRACT_BOUND_ITEM)?.agency;
  const ownsIt = owner === agency && Events.PermitCancelled.producer === agency;
  const dependsOnIt = !ownsIt && agencyDependantsOf(catalogue, agency, CONTRACT_BOUND_ITEM).length > 0;
  return [...(ownsIt ? [ContractEndedConsumer] : []), ...(dependsOnIt ? [PermitCancelledConsumer] : []), PermitCancellationsController];
}
