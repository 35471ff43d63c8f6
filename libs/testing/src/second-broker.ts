import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const KAFKA_SCRIPT = join(__dirname, '../../../deploy/kafka/kafka.sh');

/**
 * A second, throw-away broker on its own ports, started with the project's own runner, for tests
 * that stop and restart a broker without disturbing the one every other test uses.
 */
export class SecondBroker {
  constructor(
    readonly port = 19092,
    readonly controllerPort = 19093,
  ) {}

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  start(): Promise<void> {
    return this.kafka('start');
  }

  stop(): Promise<void> {
    return this.kafka('stop');
  }

  /** Stops it and deletes its data. */
  reset(): Promise<void> {
    return this.kafka('reset');
  }

  private async kafka(command: string): Promise<void> {
    await run('bash', [KAFKA_SCRIPT, command], {
      env: { ...process.env, KAFKA_PORT: String(this.port), KAFKA_CONTROLLER_PORT: String(this.controllerPort) },
      timeout: 180_000,
    });
  }
}
