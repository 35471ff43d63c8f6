// bench/results/<stamp>-<mode>.json (every figure) and .md (the report printed at the end).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderMarkdown } from './markdown.mjs';

export function writeReports(results, { outDir, stamp, repoRoot }) {
  mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `${stamp}-${results.options.mode}`);
  const markdown = renderMarkdown(results);
  // Infinity (an undecided case's latency) has no JSON form; null says the same here.
  writeFileSync(`${base}.json`, `${JSON.stringify(results, (_key, value) => (value === Infinity ? null : value), 2)}\n`);
  writeFileSync(`${base}.md`, `${markdown}\n`);
  return { markdown, files: [`${base}.json`, `${base}.md`].map((file) => path.relative(repoRoot, file)) };
}
