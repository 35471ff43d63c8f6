// What the figures were measured on: the machine, and the versions of what ran.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function cpuinfo() {
  try {
    const text = readFileSync('/proc/cpuinfo', 'utf8');
    const first = (key) => new RegExp(`^${key}\\s*:\\s*(.*)$`, 'm').exec(text)?.[1];
    return { model: first('model name'), mhz: first('cpu MHz'), cacheSize: first('cache size'), processors: (text.match(/^processor\s*:/gm) ?? []).length };
  } catch {
    return {};
  }
}

function kafkaVersion(repoRoot) {
  try {
    return /readonly KAFKA_VERSION=(\S+)/.exec(readFileSync(path.join(repoRoot, 'deploy/kafka/kafka.sh'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

const packageVersion = (repoRoot, name) => {
  try {
    return JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

export function machineFacts(_repoRoot) {
  const info = cpuinfo();
  return {
    hostname: os.hostname(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: info.model ?? os.cpus()[0]?.model,
    cpuMhz: info.mhz,
    cpuCache: info.cacheSize,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverageAtStart: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
}

export function versions(repoRoot, postgresVersion) {
  return {
    node: process.version,
    kafka: kafkaVersion(repoRoot),
    kafkajs: packageVersion(repoRoot, 'kafkajs'),
    postgresql: postgresVersion,
    pg: packageVersion(repoRoot, 'pg'),
    nestjs: packageVersion(repoRoot, '@nestjs/core'),
    typeorm: packageVersion(repoRoot, 'typeorm'),
  };
}

/** The commit measured, and the files changed in the work tree on top of it (read-only git). */
export function sourceState(repoRoot) {
  const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  try {
    const changed = git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return { commit: git('rev-parse', '--short', 'HEAD'), changedFiles: changed };
  } catch {
    return undefined;
  }
}
