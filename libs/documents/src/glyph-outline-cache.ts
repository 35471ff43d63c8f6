import type { Font, Glyph } from 'fontkit';
import { LRUCache } from 'lru-cache';

/** What fontkit's TrueType glyph decodes from the `glyf` table (its header and points, or components); null for an empty glyph. */
type DecodedOutline = object | null;

/** fontkit's TrueType glyph, with the decoding it keeps private. */
type TrueTypeGlyph = Glyph & { _decode(): DecodedOutline };

/**
 * The font with its glyphs' outlines decoded once across documents. Each document embeds a subset of
 * the font (pdfkit, through fontkit's TrueType subset), which decodes every glyph it copies — each
 * point of a Chinese outline — only to learn whether the glyph is made of others; the same few hundred
 * glyphs recur in every document. At most `capacity` outlines are kept, the least recently used
 * dropped first. fontkit reads a decoded outline and never changes it (for a font without variations,
 * which `withGlyphOutlinesRemembered` refuses).
 *
 * The font and its glyphs are extended by inheritance (`Object.create`), not wrapped in proxies: the
 * subset and the layout read the font's tables on every glyph, and a proxy's trap on each of those
 * reads was a fifth of the subset's time. The font given is left as it was.
 */
export function withGlyphOutlinesRemembered(font: Font, capacity: number): Font {
  if ((font as unknown as { _variationProcessor?: unknown })._variationProcessor) throw new Error(`${font.postscriptName} has variations: its outlines are not fixed`);
  const outlines = new LRUCache<number, { outline: DecodedOutline }>({ max: capacity });
  // The font keeps its glyphs for its life; each is answered through one heir whose decoding is remembered.
  const heirs = new WeakMap<Glyph, Glyph>();
  const remembered = (glyph: TrueTypeGlyph): Glyph => {
    const heir = Object.create(glyph) as TrueTypeGlyph;
    heir._decode = (): DecodedOutline => {
      let kept = outlines.get(glyph.id);
      if (!kept) {
        kept = { outline: glyph._decode() };
        outlines.set(glyph.id, kept);
      }
      return kept.outline;
    };
    return heir;
  };
  const remembering = Object.create(font) as Font;
  // Everything else is the font's own; a subset and a layout ask this font for their glyphs.
  remembering.getGlyph = (id: number, characters?: number[]): Glyph => {
    const glyph = font.getGlyph(id, characters) as TrueTypeGlyph | null;
    if (!glyph || typeof glyph._decode !== 'function') return glyph as Glyph;
    let heir = heirs.get(glyph);
    if (!heir) {
      heir = remembered(glyph);
      heirs.set(glyph, heir);
    }
    return heir;
  };
  return remembering;
}
