import 'reflect-metadata';
import { ItemEventsOf, handledAsTabled, TOPOLOGY } from '@work-permit/contracts';
import { eventTypesHandledIn } from '@work-permit/messaging';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { AppModule } from './app.module';
import { PublicSecurityConfig } from './public-security.config';
import { PublicSecurityService } from './public-security.service';

describe('what public-security reads from the bus', () => {
  // Its @EventPattern handlers, from the module as main.ts builds it.
  const handled = eventTypesHandledIn(AppModule.register(loadConfig(PublicSecurityConfig, { NODE_ENV: 'test' }, serviceConfigDefaults(PublicSecurityService))));

  it('handles exactly the event types of its row in the topology table, and subscribes to their topics', () => {
    expect(handledAsTabled('public-security', handled).handles).toEqual([...TOPOLOGY['public-security'].handles]);
    expect(PublicSecurityService.consumes).toEqual(TOPOLOGY['public-security'].consumes);
  });

  it('has handlers for its own events only where every agency shares them (it never reads its own topic)', () => {
    expect(handledAsTabled('public-security', handled).unreadOwnEvents).toEqual([ItemEventsOf.psb.decided.type, ItemEventsOf.psb.progressed.type].sort());
  });
});
