import 'reflect-metadata';
import { ItemEventsOf, handledAsTabled, TOPOLOGY } from '@work-permit/contracts';
import { eventTypesHandledIn } from '@work-permit/messaging';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { AppModule } from './app.module';
import { ScienceTechConfig } from './science-tech.config';
import { ScienceTechService } from './science-tech.service';

describe('what science-tech reads from the bus', () => {
  // Its @EventPattern handlers, from the module as main.ts builds it.
  const handled = eventTypesHandledIn(AppModule.register(loadConfig(ScienceTechConfig, { NODE_ENV: 'test' }, serviceConfigDefaults(ScienceTechService))));

  it('handles exactly the event types of its row in the topology table, and subscribes to their topics', () => {
    expect(handledAsTabled('science-tech', handled).handles).toEqual([...TOPOLOGY['science-tech'].handles]);
    expect(ScienceTechService.consumes).toEqual(TOPOLOGY['science-tech'].consumes);
  });

  it('has handlers for its own events only where every agency shares them (it never reads its own topic)', () => {
    expect(handledAsTabled('science-tech', handled).unreadOwnEvents).toEqual([ItemEventsOf.scitech.decided.type, ItemEventsOf.scitech.progressed.type].sort());
  });
});
