import type { Font, Glyph } from 'fontkit';
import { parseDocumentFonts } from './document-fonts';
import { withGlyphOutlinesRemembered } from './glyph-outline-cache';
import { acceptanceNotice } from './kinds/acceptance-notice';
import { LayoutMemo } from './layout-memo';
import { renderPdf } from './render-pdf';
import { exampleResidenceDecision, withoutCreationDate } from './testing';

type Decoding = Glyph & { _decode(): unknown };

const ISSUER = { zh: '威海市公安局出入境管理支队', en: 'Weihai Public Security Bureau, Exit-Entry Administration' };
const decision = exampleResidenceDecision();
const notice = acceptanceNotice({
  documentNo: 'POR-20261206-0123456789',
  issuer: ISSUER,
  issuedOn: '2026-12-06',
  caseId: '6f1c2d3e-4a5b-4c6d-8e7f-901234567891',
  submittedOn: '2026-12-06',
  channel: 'online',
  applicant: { name: '王小明 Wang Xiaoming', nationality: 'SGP', passportNo: 'K1234567' },
  employer: '威海海韵精密机械有限公司',
  items: [{ name: { zh: '外国人居留许可', en: 'Residence permit' }, action: { zh: '首次申请', en: 'first application' }, agency: ISSUER, timeLimit: { zh: '7个工作日', en: '7 working days' } }],
  materials: [{ zh: '护照', en: 'Passport' }],
});

describe(withGlyphOutlinesRemembered.name, () => {
  it('renders the same PDFs as the bare fonts, with outlines decoded for one document reused in another', async () => {
    const bare = parseDocumentFonts();
    const expected = [withoutCreationDate(await renderPdf(decision, bare)), withoutCreationDate(await renderPdf(notice, bare))];
    const fresh = parseDocumentFonts();
    const remembering = (font: Font) => withGlyphOutlinesRemembered(font, 1_500);
    const fonts = { regular: remembering(fresh.regular), bold: remembering(fresh.bold), layouts: { regular: new LayoutMemo(100), bold: new LayoutMemo(100) } };
    expect(withoutCreationDate(await renderPdf(notice, fonts))).toBe(expected[1]);
    expect(withoutCreationDate(await renderPdf(decision, fonts))).toBe(expected[0]);
    const decode = jest.spyOn(Object.getPrototypeOf(fresh.regular.getGlyph(1)) as Decoding, '_decode');
    try {
      expect(withoutCreationDate(await renderPdf(notice, fonts))).toBe(expected[1]);
      // Every glyph the subset copied had been decoded before: nothing is decoded again.
      expect(decode).not.toHaveBeenCalled();
    } finally {
      decode.mockRestore();
    }
  });

  it('decodes an outline once while it is remembered, and again once the capacity pushed it out', () => {
    const { regular } = parseDocumentFonts();
    const [许, 可, 居] = regular.glyphsForString('许可居').map((glyph) => glyph.id);
    const prototype = Object.getPrototypeOf(regular.getGlyph(许)) as Decoding;
    const decode = jest.spyOn(prototype, '_decode');
    try {
      const font = withGlyphOutlinesRemembered(regular, 2);
      const decoded = (id: number) => (font.getGlyph(id) as Decoding)._decode();
      const first = decoded(许);
      expect(decoded(许)).toBe(first);
      expect(decode).toHaveBeenCalledTimes(1);
      decoded(可);
      decoded(居);
      expect(decode).toHaveBeenCalledTimes(3);
      expect(decoded(许)).toEqual(first);
      expect(decode).toHaveBeenCalledTimes(4);
    } finally {
      decode.mockRestore();
    }
  });

  it('leaves the font it wraps as it was: the bare font still decodes every time', () => {
    const { regular } = parseDocumentFonts();
    const [许] = regular.glyphsForString('许').map((glyph) => glyph.id);
    withGlyphOutlinesRemembered(regular, 10).getGlyph(许);
    const decode = jest.spyOn(Object.getPrototypeOf(regular.getGlyph(许)) as Decoding, '_decode');
    try {
      (regular.getGlyph(许) as Decoding)._decode();
      (regular.getGlyph(许) as Decoding)._decode();
      expect(decode).toHaveBeenCalledTimes(2);
    } finally {
      decode.mockRestore();
    }
  });
});
