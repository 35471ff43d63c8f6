// Reads .cpuprofile files (V8's sampled call tree) and sums self time by function, and by package.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const IDLE = new Set(['(idle)']);

const isLibraryFrame = (frame) => frame.url && !frame.url.startsWith('node:');

/**
 * Self time per node: V8 records samples (node ids), each lasting until the next one's time delta.
 * `via` is the nearest caller in a package or the workspace (a native write says little alone).
 */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length - 1; i += 1) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i + 1]);
  }
  const viaOf = (id) => {
    if (isLibraryFrame(byId.get(id).callFrame)) return undefined;
    for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at).callFrame;
      if (isLibraryFrame(frame)) return frame;
    }
    return undefined;
  };
  return [...self].map(([id, micros]) => ({ frame: byId.get(id).callFrame, via: viaOf(id), micros }));
}

/** Where a script lives: a package in node_modules, the workspace's own code, or node itself. */
export function ownerOf(url) {
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) return 'node (core)';
  const workspace = /\/dist\/((?:libs|services)\/[^/]+)\//.exec(url);
  return workspace ? workspace[1] : path.basename(url);
}

const shortUrl = (url) => {
  if (!url) return '';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
};

export function summariseProfile(file, { top = 15 } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  const functions = new Map();
  const packages = new Map();
  let busyMicros = 0;
  for (const { frame, via, micros } of selfTimes(profile)) {
    if (IDLE.has(frame.functionName)) continue;
    busyMicros += micros;
    const key = `${frame.functionName || '(anonymous)'}\u0000${frame.url}`;
    const entry = functions.get(key) ?? { function: frame.functionName || '(anonymous)', url: shortUrl(frame.url), line: frame.lineNumber + 1, micros: 0, via: new Map() };
    entry.micros += micros;
    if (via) {
      const caller = `${via.functionName || '(anonymous)'} ${shortUrl(via.url)}:${via.lineNumber + 1}`;
      entry.via.set(caller, (entry.via.get(caller) ?? 0) + micros);
    }
    functions.set(key, entry);
    const owner = frame.url ? ownerOf(frame.url) : frame.functionName.startsWith('(') ? frame.functionName : `(native) ${frame.functionName}`;
    packages.set(owner, (packages.get(owner) ?? 0) + micros);
  }
  const share = (micros) => Number(((micros / busyMicros) * 100).toFixed(1));
  return {
    file: path.basename(file),
    wallSeconds: Number((wallMs / 1000).toFixed(1)),
    busySeconds: Number((busyMicros / 1e6).toFixed(1)),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((f) => ({
        function: f.function,
        where: f.url ? `${f.url}:${f.line}` : '',
        via: [...f.via].sort((a, b) => b[1] - a[1])[0]?.[0],
        selfMs: Math.round(f.micros / 1000),
        percent: share(f.micros),
      })),
    topPackages: [...packages]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([owner, micros]) => ({ owner, selfMs: Math.round(micros / 1000), percent: share(micros) })),
  };
}

/**
 * Every service's profile in `directory`; `prefer` (the service that used the most CPU by its own
 * metrics) is the one summarised in full, else the one with the most non-idle samples.
 * @param {string} directory
 * @param {{ top?: number, prefer?: string }} [options]
 */
export function summariseProfiles(directory, { top = 15, prefer } = {}) {
  let files;
  try {
    files = readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'));
  } catch {
    return undefined;
  }
  if (files.length === 0) return undefined;
  const summaries = files.map((name) => ({ service: name.split('.')[0], ...summariseProfile(path.join(directory, name), { top }) }));
  summaries.sort((a, b) => b.busySeconds - a.busySeconds);
  return {
    directory,
    services: summaries.map(({ service, file, wallSeconds, busySeconds }) => ({ service, file, wallSeconds, busySeconds })),
    busiest: summaries.find((s) => s.service === prefer) ?? summaries[0],
  };
}
