import 'reflect-metadata';
import { Controller, forwardRef, Module } from '@nestjs/common';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { eventPatternsOf, eventTypesHandledIn } from './handled-events';
import { relevantWhen } from './relevance';

@Controller()
class CaseConsumer {
  @EventPattern('portal.case.submitted')
  submitted(): undefined {
    return undefined;
  }

  @EventPattern(['approval.item.decided', 'psb.item.decided'], relevantWhen(() => true))
  decided(): undefined {
    return undefined;
  }

  @MessagePattern('a.request')
  request(): undefined {
    return undefined;
  }

  plain(): undefined {
    return undefined;
  }
}

@Controller()
class MoreCases extends CaseConsumer {
  @EventPattern('portal.case.withdrawn')
  withdrawn(): undefined {
    return undefined;
  }
}

@Controller()
class Documents {
  @EventPattern('approval.document.issued')
  issued(): undefined {
    return undefined;
  }
}

@Module({ controllers: [Documents] })
class DocumentsModule {}

@Module({ imports: [forwardRef(() => DocumentsModule)] })
class Cycle {}

describe(eventTypesHandledIn.name, () => {
  it('finds the event patterns of every controller of the module and of what it imports, dynamic, decorated or forward', () => {
    const root = { module: class Root {}, controllers: [CaseConsumer], imports: [{ module: class Nested {}, controllers: [MoreCases], imports: [Cycle] }, DocumentsModule] };
    expect(eventTypesHandledIn(root)).toEqual(['approval.document.issued', 'approval.item.decided', 'portal.case.submitted', 'portal.case.withdrawn', 'psb.item.decided']);
  });

  it('takes event patterns only, inherited methods included', () => {
    expect(eventPatternsOf(MoreCases).sort()).toEqual(['approval.item.decided', 'portal.case.submitted', 'portal.case.withdrawn', 'psb.item.decided']);
  });

  it('refuses a pattern that is not an event type', () => {
    @Controller()
    class ObjectPattern {
      @EventPattern({ cmd: 'x' })
      x(): undefined {
    return undefined;
  }
    }
    expect(() => eventPatternsOf(ObjectPattern)).toThrow(/is not an event type/);
  });
});
