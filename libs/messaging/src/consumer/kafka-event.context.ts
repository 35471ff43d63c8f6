import { BaseRpcContext } from '@nestjs/microservices';
import type { IncomingEvent } from '@work-permit/contracts';
import type { Transaction } from '../unit-of-work';

export interface MessageCoordinates {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * What an `@EventPattern` handler gets besides the event: the transaction its effect must use
 * (the inbox row for this event commits in it) and where the message came from.
 */
export class KafkaEventContext extends BaseRpcContext<[IncomingEvent, Transaction, MessageCoordinates]> {
  get event(): IncomingEvent {
    return this.args[0];
  }

  get tx(): Transaction {
    return this.args[1];
  }

  get coordinates(): MessageCoordinates {
    return this.args[2];
  }
}
