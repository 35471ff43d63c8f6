import 'reflect-metadata';
import { Events, handledAsTabled, Topics, TOPOLOGY } from '@work-permit/contracts';
import { eventTypesHandledIn } from '@work-permit/messaging';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { AppModule } from './app.module';
import { PortalConfig } from './portal.config';
import { PortalService } from './portal.service';

describe('what the portal reads from the bus', () => {
  // Its @EventPattern handlers, from the module as main.ts builds it.
  const handled = eventTypesHandledIn(AppModule.register(loadConfig(PortalConfig, { NODE_ENV: 'test' }, serviceConfigDefaults(PortalService))));

  it('handles exactly the event types of its row in the topology table, and subscribes to their topics', () => {
    expect(handledAsTabled('portal', handled).handles).toEqual([...TOPOLOGY['portal'].handles]);
    expect(PortalService.consumes).toEqual(TOPOLOGY['portal'].consumes);
  });

  it('reads its own topic, for its submissions alone', () => {
    expect(handledAsTabled('portal', handled).unreadOwnEvents).toEqual([]);
    expect(PortalService.consumes).toContain(Topics.portal);
    expect(handled.filter((type) => type.startsWith('portal.'))).toEqual([Events.CaseSubmitted.type]);
  });
});
