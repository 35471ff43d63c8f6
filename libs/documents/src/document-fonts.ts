import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { withGlyphOutlinesRemembered } from './glyph-outline-cache';
import { LayoutMemo } from './layout-memo';

/** The two weights every document is set in: Noto Sans SC carries both the Chinese and the Latin text. */
export interface DocumentFonts {
  regular: Font;
  bold: Font;
  /** Each weight's runs as pdfkit shaped and scaled them, shared by every document set in these fonts; without it each document shapes its own. */
  layouts?: Record<'regular' | 'bold', LayoutMemo>;
}

let loaded: DocumentFonts | undefined;

/** Runs (text between spaces) whose layout each font remembers: the fixed text of every kind of document, and room for the changing parts. */
const REMEMBERED_RUNS = 5_000;

/** Glyphs whose outline each font keeps decoded: a document's fixed text uses a few hundred; a decoded Chinese outline is a few KB. */
const DECODED_GLYPHS = 1_500;

/**
 * Noto Sans SC from `@expo-google-fonts/noto-sans-sc` (TrueType outlines, SIL Open Font License),
 * parsed once per process: decoding a CJK font's tables is most of a document's rendering time, and
 * pdfkit takes the parsed font as it is (each document still embeds only the glyphs it uses). Each
 * font remembers the layout of the runs it set (`LayoutMemo`) and the outlines of the glyphs a
 * subset copied (`withGlyphOutlinesRemembered`).
 */
export function documentFonts(): DocumentFonts {
  if (!loaded) {
    const { regular, bold } = parseDocumentFonts();
    loaded = {
      regular: withGlyphOutlinesRemembered(regular, DECODED_GLYPHS),
      bold: withGlyphOutlinesRemembered(bold, DECODED_GLYPHS),
      layouts: { regular: new LayoutMemo(REMEMBERED_RUNS), bold: new LayoutMemo(REMEMBERED_RUNS) },
    };
  }
  return loaded;
}

/** The two fonts parsed afresh, as fontkit reads them (nothing remembered across documents): what `documentFonts` builds on, and what its effect is measured against. */
export function parseDocumentFonts(): DocumentFonts {
  return { regular: open('400Regular/NotoSansSC_400Regular.ttf'), bold: open('700Bold/NotoSansSC_700Bold.ttf') };
}

function open(file: string): Font {
  const font = create(readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`)));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
  return font;
}
