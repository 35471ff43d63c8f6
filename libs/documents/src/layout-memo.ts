import { LRUCache } from 'lru-cache';

/**
 * What pdfkit 0.20's embedded font (its `EmbeddedFont`, one per document and font) does with a run
 * of text between spaces: `layoutRun` shapes it with fontkit and scales it to the PDF's units;
 * `layoutCached` answers a run it already has from its own cache, which lives as long as the document.
 */
interface PdfkitEmbeddedFont {
  layoutCached(text: string): object;
  layoutRun(text: string): object;
}

/**
 * The runs of one font, shaped and scaled once across documents. Shaping a run with Noto Sans SC's
 * substitution and positioning tables is costly, and most runs (the headings, labels and legal text)
 * are the same in every document, but pdfkit remembers a run only within one document. A remembered
 * run is shared as pdfkit shares it within a document: pdfkit reads its glyphs and positions and
 * never changes them (it copies a position before adding word spacing to it). At most `capacity`
 * runs are kept, the least recently used dropped first.
 */
export class LayoutMemo {
  private readonly runs: LRUCache<string, object>;

  constructor(capacity: number) {
    this.runs = new LRUCache({ max: capacity });
  }

  /** Has the document's embedded font (pdfkit's `doc._font` once the font is selected) take its runs from this memo, and leave new ones in it. */
  serve(embedded: unknown): void {
    const font = embedded as PdfkitEmbeddedFont;
    if (typeof font.layoutCached !== 'function' || typeof font.layoutRun !== 'function') throw new Error('not a pdfkit embedded font: pdfkit changed how it lays out text');
    font.layoutCached = (text: string): object => {
      let run = this.runs.get(text);
      if (!run) {
        run = font.layoutRun(text);
        this.runs.set(text, run);
      }
      return run;
    };
  }
}
