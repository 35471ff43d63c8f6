import type { Font, GlyphRun } from 'fontkit';
import { LRUCache } from 'lru-cache';

/**
 * The font with its text layout remembered across documents. pdfkit remembers a word's layout only
 * within one document, and shaping a word with Noto Sans SC's substitution and positioning tables is
 * costly; most words (the headings, labels and legal text) are the same in every document, which then
 * takes a fifth to a quarter less CPU (`deploy/bench/documents.mjs`). At most `capacity` words are
 * kept, the least recently used dropped first.
 *
 * Each call gets its own copy of the positions: pdfkit scales a run's positions in place.
 */
export function withLayoutCache(font: Font, capacity: number): Font {
  const runs = new LRUCache<string, GlyphRun>({ max: capacity });
  const layout = (text: string, features?: unknown, ...rest: unknown[]): GlyphRun => {
    // Layout with explicit features, script or language is rare here and not worth a compound key.
    if (features !== undefined || rest.length > 0) return (font.layout as (...args: unknown[]) => GlyphRun)(text, features, ...rest);
    let run = runs.get(text);
    if (!run) {
      run = font.layout(text);
      runs.set(text, run);
    }
    return copyOf(run);
  };
  // Everything else (tables, glyphs, subsets) is the font's own, read with the font as `this`.
  return new Proxy(font, { get: (target, property) => (property === 'layout' ? layout : Reflect.get(target, property, target)) });
}

/** The run with its class (its advance width is a getter over the positions) and copies of the positions; glyphs are shared. */
function copyOf(run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  copy.positions = run.positions.map((position) => Object.assign(Object.create(Object.getPrototypeOf(position) as object) as typeof position, position));
  return copy;
}
