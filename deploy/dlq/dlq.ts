// npm run dlq -- list|show|replay|discard — a consumer group's dead letters (libs/messaging, "Dead letters").
//
//   list    [--group G] [--waiting]                          the group's dead letters and what became of them
//   show    --id P:O [--group G] [--reveal]                  one, its event decoded (personal fields masked unless --reveal)
//   replay  (--id P:O ... | --all) [--actor A] [--force]     the group's consumer applies it again, once
//   discard (--id P:O ... | --all) --reason "..." [--actor A] [--force]
//
// --group defaults to KAFKA_CONSUMER_GROUP; --actor to the login name; --json prints machine-readable output.
// Broker: KAFKA_BROKERS (default 127.0.0.1:9092), TLS/SASL from KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SASL_MECHANISM,
// KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD. The Kafka user needs Read and Write on <group>.dlq and Read and
// Delete on the consumer groups starting with `<group>.dlq-reader` (the reads' throw-away groups).
// Exit codes: 0 done; 1 a dead letter not found, not a dead letter or already resolved (nothing else wrong);
// 2 wrong usage; 3 the broker or the topic could not be used.
import { Logger } from '@nestjs/common';
import {
  type DeadLetter,
  type DeadLetterDetail,
  DeadLetterNotFoundError,
  deadLettersAt,
  kafkaSecurityFromEnv,
  parseDeadLetterId,
  type ResolutionOutcome,
} from '@work-permit/messaging';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';

const COMMANDS = ['list', 'show', 'replay', 'discard'] as const;
type Command = (typeof COMMANDS)[number];

class UsageError extends Error {}

interface Invocation {
  command: Command;
  group: string;
  ids: string[];
  all: boolean;
  reason?: string;
  actor: string;
  json: boolean;
  waiting: boolean;
  reveal: boolean;
  force: boolean;
}

function parse(argv: string[], env: NodeJS.ProcessEnv): Invocation {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      group: { type: 'string' },
      id: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
      reason: { type: 'string' },
      actor: { type: 'string' },
      json: { type: 'boolean', default: false },
      waiting: { type: 'boolean', default: false },
      reveal: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`a command is required: ${COMMANDS.join(', ')}`);
  const ids = [...(values.id ?? []), ...rest].flatMap((id) => id.split(',')).filter((id) => id.trim() !== '');
  for (const id of ids) parseDeadLetterId(id);
  const group = values.group ?? env.KAFKA_CONSUMER_GROUP;
  if (!group) throw new UsageError('--group (or KAFKA_CONSUMER_GROUP) is required');
  const invocation: Invocation = {
    command: command as Command,
    group,
    ids,
    all: values.all,
    reason: values.reason,
    actor: values.actor ?? env.DLQ_ACTOR ?? safeUserName(),
    json: values.json,
    waiting: values.waiting,
    reveal: values.reveal,
    force: values.force,
  };
  if (invocation.command === 'show' && ids.length !== 1) throw new UsageError('show takes one --id <partition>:<offset>');
  const selectsOne = ids.length > 0;
  if ((invocation.command === 'replay' || invocation.command === 'discard') && selectsOne === invocation.all) {
    throw new UsageError(`${invocation.command} takes --id <partition>:<offset> (one or more) or --all`);
  }
  if (invocation.command === 'discard' && !invocation.reason?.trim()) throw new UsageError('discard needs --reason "..."');
  if (!invocation.actor.trim()) throw new UsageError('--actor is required (no login name to default to)');
  return invocation;
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let invocation: Invocation;
  try {
    invocation = parse(argv, env);
  } catch (error) {
    console.error(`dlq: ${(error as Error).message}`);
    console.error('usage: npm run dlq -- list|show|replay|discard [--group G] [--id P:O] [--all] [--reason "..."] [--actor NAME] [--waiting] [--reveal] [--force] [--json]');
    return 2;
  }
  // The client's own warnings go to stderr only, and only errors: stdout is the answer.
  Logger.overrideLogger(['error']);
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim());
  const deadLetters = deadLettersAt('dlq-tool', brokers, { security: kafkaSecurityFromEnv(env) });
  const { command, group, json } = invocation;
  if (command === 'list') {
    const all = await deadLetters.list(group);
    const shown = invocation.waiting ? all.filter((deadLetter) => deadLetter.status === 'waiting') : all;
    print(json, { group, deadLetters: shown }, () => listTable(group, shown));
    return 0;
  }
  if (command === 'show') {
    const detail = await deadLetters.show(group, invocation.ids[0], { reveal: invocation.reveal });
    print(json, detail, () => showText(detail));
    return 0;
  }
  const selection = invocation.all ? 'all' : invocation.ids;
  const outcomes =
    command === 'replay'
      ? await deadLetters.replay(group, selection, invocation.actor, { force: invocation.force })
      : await deadLetters.discard(group, selection, invocation.reason ?? '', invocation.actor, { force: invocation.force });
  print(json, { group, command, actor: invocation.actor, outcomes }, () => outcomesText(command, outcomes));
  return outcomes.every((outcome) => outcome.outcome === 'written') ? 0 : 1;
}

function print(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

function listTable(group: string, deadLetters: DeadLetter[]): string {
  if (deadLetters.length === 0) return `no dead letters in ${group}.dlq`;
  const rows = deadLetters.map((deadLetter) => {
    const last = deadLetter.resolutions.at(-1);
    return [
      deadLetter.id,
      deadLetter.status,
      `${deadLetter.source.topic}[${deadLetter.source.partition}]@${deadLetter.source.offset}`,
      deadLetter.key ?? '',
      deadLetter.eventType ?? '',
      deadLetter.code,
      deadLetter.failedAt,
      truncate(deadLetter.reason, 60),
      last ? `${last.resolution} ${last.at} by ${last.actor}${last.reason ? `: ${truncate(last.reason, 40)}` : ''}` : '',
      [deadLetter.replayOf && `replay of ${deadLetter.replayOf}`, deadLetter.failedAgainAs.length > 0 && `failed again as ${deadLetter.failedAgainAs.join(', ')}`].filter(Boolean).join('; '),
    ];
  });
  const waiting = deadLetters.filter((deadLetter) => deadLetter.status === 'waiting').length;
  return `${table(['ID', 'STATUS', 'SOURCE', 'KEY (CASE)', 'TYPE', 'CODE', 'FAILED AT', 'REASON', 'RESOLUTION', 'NOTE'], rows)}\n${deadLetters.length} dead letter(s) in ${group}.dlq, ${waiting} waiting`;
}

function showText(detail: DeadLetterDetail): string {
  const lines: [string, string][] = [
    ['id', `${detail.topic} ${detail.id}`],
    ['status', detail.status],
    ['source', `${detail.source.topic}[${detail.source.partition}]@${detail.source.offset}`],
    ['key (case)', detail.key ?? ''],
    ['event', `${detail.eventType ?? '?'} ${detail.eventId ?? ''}`],
    ['code', detail.code],
    ['reason', detail.reason],
    ['failed at', detail.failedAt],
    ...(detail.replayOf ? [['replay of', detail.replayOf] as [string, string]] : []),
    ...detail.resolutions.map((r): [string, string] => [r.resolution === 'replay' ? 'replayed' : 'discarded', `${r.at} by ${r.actor}${r.reason ? `: ${r.reason}` : ''} (record ${r.id})`]),
    ...(detail.failedAgainAs.length > 0 ? [['failed again as', detail.failedAgainAs.join(', ')] as [string, string]] : []),
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  const head = lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
  const body = detail.event
    ? `${JSON.stringify(detail.event, null, 2)}${detail.masked ? '\n(personal fields masked; --reveal shows them)' : ''}`
    : `the message does not decode: ${detail.undecodable}`;
  return `${head}\n\n${body}`;
}

function outcomesText(command: 'replay' | 'discard', outcomes: ResolutionOutcome[]): string {
  if (outcomes.length === 0) return `nothing to ${command}: no dead letter waiting`;
  const done = command === 'replay' ? 'replayed' : 'discarded';
  return outcomes
    .map((outcome) => {
      switch (outcome.outcome) {
        case 'written':
          return `${outcome.id}  ${done} (record ${outcome.resolutionId})`;
        case 'already_resolved':
          return `${outcome.id}  not ${done}: already ${outcome.status} (--force to do it again)`;
        case 'not_found':
          return `${outcome.id}  not ${done}: no such dead letter`;
        case 'not_a_dead_letter':
          return `${outcome.id}  not ${done}: a resolution record, not a dead letter`;
      }
    })
    .join('\n');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function truncate(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function safeUserName(): string {
  try {
    return process.env.USER ?? userInfo().username;
  } catch {
    return '';
  }
}

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`dlq: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof DeadLetterNotFoundError ? 1 : 3);
  },
);
