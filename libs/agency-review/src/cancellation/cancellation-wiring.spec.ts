import { cancellationControllers } from './cancellation-wiring';
import { ContractEndedConsumer } from './contract-ended.consumer';
import { PermitCancelledConsumer } from './permit-cancelled.consumer';
import { PermitCancellationsController } from './permit-cancellations.controller';

describe(cancellationControllers.name, () => {
  it('has the owner of the work permit take the reports of a contract’s end', () => {
    expect(cancellationControllers('approval')).toEqual([ContractEndedConsumer, PermitCancellationsController]);
  });

  it.each(['psb', 'hrss'])('tells %s, whose items depend on the work permit', (agency) => {
    expect(cancellationControllers(agency)).toEqual([PermitCancelledConsumer, PermitCancellationsController]);
  });

  it('leaves science and technology out: the talent category comes before the permit', () => {
    expect(cancellationControllers('scitech')).toEqual([PermitCancellationsController]);
  });
});
