import 'reflect-metadata';
import { handledAsTabled, TOPOLOGY } from '@work-permit/contracts';
import { eventTypesHandledIn } from '@work-permit/messaging';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { AppModule } from './app.module';
import { DataSharingConfig } from './data-sharing.config';
import { DataSharingService } from './data-sharing.service';
import { CONSUMED_EVENT_TYPES } from './events/sharing-events.consumer';

describe('what data-sharing reads from the bus', () => {
  // Its @EventPattern handlers, from the module as main.ts builds it.
  const handled = eventTypesHandledIn(AppModule.register(loadConfig(DataSharingConfig, { NODE_ENV: 'test' }, serviceConfigDefaults(DataSharingService))));

  it('handles exactly the event types its folds fold', () => {
    expect(handled).toEqual([...CONSUMED_EVENT_TYPES]);
  });

  it('handles exactly the event types of its row in the topology table, and subscribes to their topics', () => {
    expect(handledAsTabled('data-sharing', handled).handles).toEqual([...TOPOLOGY['data-sharing'].handles]);
    expect(DataSharingService.consumes).toEqual(TOPOLOGY['data-sharing'].consumes);
  });

  it('has no handler for its own events (it does not read its own topic)', () => {
    expect(handledAsTabled('data-sharing', handled).unreadOwnEvents).toEqual([]);
  });
});
