import 'reflect-metadata';
import { Events, ItemEventsOf, handledAsTabled, TOPOLOGY } from '@work-permit/contracts';
import { eventTypesHandledIn } from '@work-permit/messaging';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { AppModule } from './app.module';
import { AdminApprovalConfig } from './admin-approval.config';
import { AdminApprovalService } from './admin-approval.service';

describe('what admin-approval reads from the bus', () => {
  // Its @EventPattern handlers, from the module as main.ts builds it.
  const handled = eventTypesHandledIn(AppModule.register(loadConfig(AdminApprovalConfig, { NODE_ENV: 'test' }, serviceConfigDefaults(AdminApprovalService))));

  it('handles exactly the event types of its row in the topology table, and subscribes to their topics', () => {
    expect(handledAsTabled('admin-approval', handled).handles).toEqual([...TOPOLOGY['admin-approval'].handles]);
    expect(AdminApprovalService.consumes).toEqual(TOPOLOGY['admin-approval'].consumes);
  });

  it('has handlers for its own events only where every agency shares them (it never reads its own topic)', () => {
    expect(handledAsTabled('admin-approval', handled).unreadOwnEvents).toEqual([ItemEventsOf.approval.decided, ItemEventsOf.approval.progressed, Events.JointReviewOpened, Events.JointReviewConcluded].map((event) => event.type).sort());
  });
});
