import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Logger, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { localize, message } from '@work-permit/catalogue';
import { deadLetterTopicOfGroup } from '@work-permit/contracts';
import {
  type DeadLetter,
  type DeadLetterDetail,
  DeadLetterNotFoundError,
  DeadLetters,
  DeadLetterTopicNotFoundError,
  formatDeadLetterId,
  MESSAGING_OPTIONS,
  type MessagingOptions,
  parseDeadLetterId,
  type ResolutionOutcome,
} from '@work-permit/messaging';
import { DeadLetterListQuery, DiscardDeadLetterDto } from './dead-letters.dto';
import { DeadLettersErrorCode, DeadLettersException } from './dead-letters.exception';

export interface DeadLetterList {
  service: string;
  group: string;
  deadLetters: DeadLetter[];
}

/** A resolution written: the record that replays or discards the dead letter, and who asked for it. */
export interface DeadLetterResolved {
  service: string;
  group: string;
  id: string;
  resolution: 'replay' | 'discard';
  /** The resolution record's own `P:O` in the group's dead-letter topic. */
  resolutionId: string;
  actor: string;
}

const ID_PARAM = { name: 'id', description: "`<partition>:<offset>` in the group's dead-letter topic, e.g. `0:42` (a percent-encoded colon works too)", example: '0:42' };

/**
 * This service's own consumer group's dead letters (libs/messaging "Dead letters"), for an admin:
 * list, show (personal fields always masked), replay once after a fix, discard with a reason. The
 * actor of a resolution is the token's subject. What the CLI adds (`--reveal`, `--force`, `--all`)
 * stays on the operator's terminal.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/operations/dead-letters')
export class DeadLettersController {
  private readonly logger = new Logger(DeadLettersController.name);
  private readonly service: string;
  private readonly group: string;

  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    private readonly deadLetters: DeadLetters,
  ) {
    if (!options.consumer) throw new Error('the dead-letter operations need a consumer group');
    this.service = options.service;
    this.group = options.consumer.groupId;
  }

  @Get()
  @ApiOperation({ summary: "The service's consumer group's dead letters in topic order, each with what became of it (waiting, replayed, discarded); `status` keeps only those in that state." })
  async list(@Query() query: DeadLetterListQuery): Promise<DeadLetterList> {
    const all = await this.operate(() => this.deadLetters.list(this.group));
    const deadLetters = query.status ? all.filter((deadLetter) => deadLetter.status === query.status) : all;
    return { service: this.service, group: this.group, deadLetters };
  }

  @Get(':id')
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: 'One dead letter with its event decoded; personal fields are always masked here (only the CLI reveals them, on the operator\'s terminal).' })
  async show(@Param('id') raw: string): Promise<DeadLetterDetail> {
    const id = this.idOf(raw);
    return this.operate(() => this.deadLetters.show(this.group, id, { reveal: false }), id);
  }

  @Post(':id/replay')
  @HttpCode(HttpStatus.OK)
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: "Replays a waiting dead letter to the service's consumer, which applies it once (after the fix); 409 when it was replayed or discarded already." })
  async replay(@Param('id') raw: string, @CurrentPrincipal() principal: Principal): Promise<DeadLetterResolved> {
    const id = this.idOf(raw);
    const [outcome] = await this.operate(() => this.deadLetters.replay(this.group, [id], principal.subject), id);
    return this.resolved('replay', outcome, principal.subject);
  }

  @Post(':id/discard')
  @HttpCode(HttpStatus.OK)
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: 'Discards a waiting dead letter, keeping the reason; 409 when it was replayed or discarded already.' })
  async discard(@Param('id') raw: string, @Body() body: DiscardDeadLetterDto, @CurrentPrincipal() principal: Principal): Promise<DeadLetterResolved> {
    const id = this.idOf(raw);
    const [outcome] = await this.operate(() => this.deadLetters.discard(this.group, [id], body.reason, principal.subject), id);
    return this.resolved('discard', outcome, principal.subject);
  }

  private idOf(raw: string): string {
    try {
      return formatDeadLetterId(parseDeadLetterId(raw));
    } catch {
      const field = localize(message('operations.field.dead_letter_id'));
      throw new DeadLettersException(DeadLettersErrorCode.InvalidId, message('operations.dead_letter.invalid_id'), [{ field: 'id', message: field.zh, messages: field }]);
    }
  }

  private resolved(resolution: 'replay' | 'discard', outcome: ResolutionOutcome, actor: string): DeadLetterResolved {
    switch (outcome.outcome) {
      case 'written':
        // Who resolved what, for the record; nothing of the event is logged.
        this.logger.log({ msg: `dead letter ${resolution === 'replay' ? 'replayed' : 'discarded'}`, group: this.group, deadLetter: outcome.id, resolutionId: outcome.resolutionId, actor });
        return { service: this.service, group: this.group, id: outcome.id, resolution, resolutionId: outcome.resolutionId, actor };
      case 'not_found':
        throw this.notFound(outcome.id);
      case 'not_a_dead_letter':
        throw new DeadLettersException(DeadLettersErrorCode.NotFound, message('operations.dead_letter.not_a_dead_letter', { id: outcome.id }));
      case 'already_resolved':
        throw new DeadLettersException(DeadLettersErrorCode.AlreadyResolved, message('operations.dead_letter.already_resolved', { id: outcome.id, status: outcome.status }));
    }
  }

  /** Runs an operation, its library errors answered as the HTTP refusals they are. */
  private async operate<T>(operation: () => Promise<T>, id?: string): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof DeadLetterNotFoundError && id !== undefined) throw this.notFound(id);
      if (error instanceof DeadLetterTopicNotFoundError) {
        throw new DeadLettersException(DeadLettersErrorCode.Unavailable, message('operations.dead_letter.topic_unavailable', { topic: error.topic }));
      }
      if (isBrokerError(error)) {
        this.logger.warn({ msg: 'the dead-letter operations could not use the broker', group: this.group, error: (error as Error).message });
        throw new DeadLettersException(DeadLettersErrorCode.Unavailable, message('operations.dead_letter.broker_unavailable'));
      }
      throw error;
    }
  }

  private notFound(id: string): DeadLettersException {
    return new DeadLettersException(DeadLettersErrorCode.NotFound, message('operations.dead_letter.not_found', { id, topic: deadLetterTopicOfGroup(this.group) }));
  }
}

/** The client's own errors (connection, timeouts, the broker's refusals) all name themselves `KafkaJS…`. */
function isBrokerError(error: unknown): boolean {
  return error instanceof Error && error.name.startsWith('KafkaJS');
}
