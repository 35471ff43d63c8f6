import 'reflect-metadata';
import { ItemEventsOf, handledAsTabled, TOPOLOGY } from '@work-permit/contracts';
import { eventTypesHandledIn } from '@work-permit/messaging';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { AppModule } from './app.module';
import { HrSocialSecurityConfig } from './hr-social-security.config';
import { HrSocialSecurityService } from './hr-social-security.service';

describe('what hr-social-security reads from the bus', () => {
  // Its @EventPattern handlers, from the module as main.ts builds it.
  const handled = eventTypesHandledIn(AppModule.register(loadConfig(HrSocialSecurityConfig, { NODE_ENV: 'test' }, serviceConfigDefaults(HrSocialSecurityService))));

  it('handles exactly the event types of its row in the topology table, and subscribes to their topics', () => {
    expect(handledAsTabled('hr-social-security', handled).handles).toEqual([...TOPOLOGY['hr-social-security'].handles]);
    expect(HrSocialSecurityService.consumes).toEqual(TOPOLOGY['hr-social-security'].consumes);
  });

  it('has handlers for its own events only where every agency shares them (it never reads its own topic)', () => {
    expect(handledAsTabled('hr-social-security', handled).unreadOwnEvents).toEqual([ItemEventsOf.hrss.decided.type, ItemEventsOf.hrss.progressed.type].sort());
  });
});
