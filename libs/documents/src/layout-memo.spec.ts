import PDFDocument from 'pdfkit';
import { parseDocumentFonts } from './document-fonts';
import { LayoutMemo } from './layout-memo';
import { renderPdf } from './render-pdf';
import { exampleResidenceDecision, withoutCreationDate } from './testing';

const { regular, bold } = parseDocumentFonts();

/** pdfkit's embedded font of `regular` in a new document: what `renderPdf` hands the memo. */
function embeddedRegular(): { widthOfString(text: string, size: number): number; layout(text: string): { glyphs: { id: number }[]; positions: object[] } } {
  const doc = new PDFDocument({ font: '' });
  doc.registerFont('regular', regular as unknown as PDFKit.Mixins.PDFFontSource);
  return (doc.font('regular') as unknown as { _font: ReturnType<typeof embeddedRegular> })._font;
}

describe(LayoutMemo.name, () => {
  it('gives each document the runs pdfkit itself lays out, shaped once across documents while remembered', () => {
    const memo = new LayoutMemo(2);
    const bare = embeddedRegular();
    const expected = bare.layout('外国人 工作许可');
    const expectedWidth = bare.widthOfString('外国人 工作许可', 10);
    const layout = jest.spyOn(regular, 'layout');
    try {
      const first = embeddedRegular();
      memo.serve(first);
      expect(first.layout('外国人 工作许可')).toEqual(expected);
      expect(first.widthOfString('外国人 工作许可', 10)).toBe(expectedWidth);
      // Two runs ("外国人 " and "工作许可"), each shaped once for both documents.
      const second = embeddedRegular();
      memo.serve(second);
      expect(second.layout('外国人 工作许可')).toEqual(expected);
      expect(layout).toHaveBeenCalledTimes(2);
      // A third run pushes out the least recently used one, which is shaped again when asked for.
      second.layout('居留');
      second.layout('工作许可');
      expect(layout).toHaveBeenCalledTimes(3);
      second.layout('外国人 ');
      expect(layout).toHaveBeenCalledTimes(4);
    } finally {
      layout.mockRestore();
    }
  });

  it('refuses what is not a pdfkit embedded font, rather than leaving layouts unremembered unnoticed', () => {
    expect(() => new LayoutMemo(10).serve({})).toThrow(/pdfkit/);
  });

  it('renders the same PDF as the bare fonts, cold and warm', async () => {
    const model = exampleResidenceDecision();
    const expected = withoutCreationDate(await renderPdf(model, { regular, bold }));
    const remembering = { regular, bold, layouts: { regular: new LayoutMemo(1_000), bold: new LayoutMemo(1_000) } };
    expect(withoutCreationDate(await renderPdf(model, remembering))).toBe(expected);
    expect(withoutCreationDate(await renderPdf(model, remembering))).toBe(expected);
  });
});
