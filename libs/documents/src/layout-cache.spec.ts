import type { Font } from 'fontkit';
import { parseDocumentFonts } from './document-fonts';
import { withLayoutCache } from './layout-cache';
import { renderPdf } from './render-pdf';
import { exampleResidenceDecision, withoutCreationDate } from './testing';

const { regular, bold } = parseDocumentFonts();

/** pdfkit's own treatment of a run: every position scaled in place. */
function scaleInPlace(font: Font, text: string): number {
  const run = font.layout(text);
  for (const position of run.positions) for (const key of Object.keys(position) as (keyof typeof position)[]) position[key] *= 0.5;
  return run.advanceWidth;
}

describe(withLayoutCache.name, () => {
  it('gives the font’s own layout, first and again, even after a caller scaled the positions it got', () => {
    const cached = withLayoutCache(regular, 10);
    const own = regular.layout('外国人工作许可');
    for (let round = 0; round < 3; round += 1) {
      const run = cached.layout('外国人工作许可');
      expect(run.glyphs.map((glyph) => glyph.id)).toEqual(own.glyphs.map((glyph) => glyph.id));
      expect(run.positions.map((position) => ({ ...position }))).toEqual(own.positions.map((position) => ({ ...position })));
      expect(run.advanceWidth).toBe(own.advanceWidth);
      expect(scaleInPlace(cached, '外国人工作许可')).toBe(own.advanceWidth / 2);
    }
  });

  it('lays a word out once while it is remembered, and again once the capacity pushed it out', () => {
    const layout = jest.spyOn(regular, 'layout');
    try {
      const cached = withLayoutCache(regular, 2);
      cached.layout('许可');
      cached.layout('许可');
      expect(layout).toHaveBeenCalledTimes(1);
      cached.layout('居留');
      cached.layout('签证');
      expect(layout).toHaveBeenCalledTimes(3);
      cached.layout('签证');
      cached.layout('许可');
      expect(layout).toHaveBeenCalledTimes(4);
    } finally {
      layout.mockRestore();
    }
  });

  it('does not remember a layout asked for with features', () => {
    const layout = jest.spyOn(regular, 'layout');
    try {
      const cached = withLayoutCache(regular, 10);
      cached.layout('fi', ['liga']);
      cached.layout('fi', ['liga']);
      expect(layout).toHaveBeenCalledTimes(2);
      expect(layout).toHaveBeenLastCalledWith('fi', ['liga']);
    } finally {
      layout.mockRestore();
    }
  });

  it('renders the same PDF as the bare fonts, cold and warm', async () => {
    const model = exampleResidenceDecision();
    const expected = withoutCreationDate(await renderPdf(model, { regular, bold }));
    const cached = { regular: withLayoutCache(regular, 1_000), bold: withLayoutCache(bold, 1_000) };
    expect(withoutCreationDate(await renderPdf(model, cached))).toBe(expected);
    expect(withoutCreationDate(await renderPdf(model, cached))).toBe(expected);
  });
});
