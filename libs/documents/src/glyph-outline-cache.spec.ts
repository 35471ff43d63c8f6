import type { Font, Glyph } from 'fontkit';
import { parseDocumentFonts } from './document-fonts';
import { withGlyphOutlinesRemembered } from './glyph-outline-cache';
import { acceptanceNotice } from './kinds/acceptance-notice';
import { decisionDocument } from './kinds/decision';
import { withLayoutCache } from './layout-cache';
import { renderPdf } from './render-pdf';

type Decoding = Glyph & { _decode(): unknown };

const ISSUER = { zh: '威海市公安局出入境管理支队', en: 'Weihai Public Security Bureau, Exit-Entry Administration' };
const decision = decisionDocument({
  documentNo: 'PSB-20261206-0123456789',
  issuer: ISSUER,
  issuedOn: '2026-12-06',
  caseId: '6f1c2d3e-4a5b-4c6d-8e7f-901234567890',
  submittedOn: '2026-11-20',
  holderName: 'SMITH John',
  passportNo: 'C01X00T47',
  item: { name: { zh: '外国人居留许可', en: 'Residence permit for foreigners' }, action: { zh: '首次申请', en: 'first application' } },
  decision: 'granted',
  remedies: { reconsiderationDays: 60, litigationMonths: 6 },
  result: { permitNo: 'RP-371000-2026-000123', validFrom: '2026-12-06', validTo: '2028-12-05' },
});
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

// The creation date, and the file identifier pdfkit derives from it, are all that depends on when a PDF was made.
const withoutDate = (pdf: Buffer) =>
  pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/\/ID \[<\w+> <\w+>\]/, '/ID []');

describe(withGlyphOutlinesRemembered.name, () => {
  it('renders the same PDFs as the bare fonts, with outlines decoded for one document reused in another', async () => {
    const bare = parseDocumentFonts();
    const expected = [withoutDate(await renderPdf(decision, bare)), withoutDate(await renderPdf(notice, bare))];
    const fresh = parseDocumentFonts();
    const remembering = (font: Font) => withLayoutCache(withGlyphOutlinesRemembered(font, 1_500), 100);
    const fonts = { regular: remembering(fresh.regular), bold: remembering(fresh.bold) };
    expect(withoutDate(await renderPdf(notice, fonts))).toBe(expected[1]);
    expect(withoutDate(await renderPdf(decision, fonts))).toBe(expected[0]);
    const decode = jest.spyOn(Object.getPrototypeOf(fresh.regular.getGlyph(1)) as Decoding, '_decode');
    try {
      expect(withoutDate(await renderPdf(notice, fonts))).toBe(expected[1]);
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
