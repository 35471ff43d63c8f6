import PDFDocument from 'pdfkit';
import { enDate, zhDate } from './civil-dates';
import { type DocumentFonts, documentFonts } from './document-fonts';
import type { Bilingual, DocumentBlock, DocumentModel } from './document.model';
import { qrSymbol } from './qr-code';

const MARGIN = 56;
const INK = '#111111';
const SECOND = '#555555';
const RULE = '#b0b0b0';
const LABEL_WIDTH = 150;
const QR_SIZE = 104;
/** Four light modules around the symbol: the quiet zone scanners need to find it. */
const QR_QUIET_ZONE = 4;
const QR_DARK = '#000000';

type Doc = PDFKit.PDFDocument;

/**
 * The CJK font's curly quotes are full-width, which opens gaps in English words (`Foreigner’s`): in
 * English text they are set as straight quotes.
 */
function latin(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/**
 * The document as an A4 PDF: the issuer and title at the head, then each block with its Chinese text
 * and the English beneath in smaller grey type, the issuer and date at the foot. A pure function of
 * the model (and the fonts): the same model gives the same pages.
 */
export async function renderPdf(model: DocumentModel, fonts: DocumentFonts = documentFonts()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // No default font: pdfkit would otherwise load Helvetica (parsing its AFM metrics) for every
    // document, though every text here is set in the registered fonts.
    font: '',
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `${model.title.zh} / ${model.title.en}`, Subject: model.documentNo, Author: `${model.issuer.zh} / ${model.issuer.en}`, Creator: 'Work in Weihai' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  // pdfkit accepts a parsed fontkit font (its types know only files and bytes).
  doc.registerFont('regular', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  if (fonts.layouts) {
    // Each font is embedded once selected: in the order the head first uses them, so the PDF is the same.
    for (const name of ['bold', 'regular'] as const) fonts.layouts[name].serve((doc.font(name) as unknown as { _font: unknown })._font);
  }

  head(doc, model);
  if (model.addressee) doc.moveDown(0.6).font('bold').fontSize(11).fillColor(INK).text(`${model.addressee}：`);
  for (const block of model.blocks) {
    doc.moveDown(0.8);
    drawBlock(doc, block);
  }
  foot(doc, model);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function head(doc: Doc, model: DocumentModel): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(13).fillColor(INK).text(model.issuer.zh, { align: 'center', width });
  doc.font('regular').fontSize(8.5).fillColor(SECOND).text(latin(model.issuer.en), { align: 'center', width });
  doc.moveDown(0.8);
  doc.font('bold').fontSize(19).fillColor(INK).text(model.title.zh, { align: 'center', width });
  doc.font('regular').fontSize(11).fillColor(SECOND).text(latin(model.title.en), { align: 'center', width });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(9).fillColor(INK).text(`文书编号 Document No.  ${model.documentNo}`, { align: 'right', width });
  const y = doc.y + 4;
  doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(0.8).strokeColor(RULE).stroke();
  doc.y = y + 6;
}

function drawBlock(doc: Doc, block: DocumentBlock): void {
  switch (block.type) {
    case 'paragraph':
      paragraph(doc, block.text);
      return;
    case 'fields':
      for (const row of block.rows) field(doc, row.label, row.value);
      return;
    case 'list':
      doc.font('bold').fontSize(10.5).fillColor(INK).text(block.heading.zh);
      doc.font('regular').fontSize(8.5).fillColor(SECOND).text(latin(block.heading.en));
      if (block.items.length === 0) doc.moveDown(0.3).font('regular').fontSize(10.5).fillColor(INK).text('（无） (none)', { indent: 8 });
      block.items.forEach((item, index) => {
        doc.moveDown(0.3);
        doc.font('regular').fontSize(10.5).fillColor(INK).text(`${index + 1}. ${item.zh}`, { indent: 8 });
        doc.font('regular').fontSize(8.5).fillColor(SECOND).text(latin(item.en), { indent: 22 });
      });
      return;
    case 'qr':
      qr(doc, block.url, block.caption);
      return;
  }
}

function paragraph(doc: Doc, text: Bilingual): void {
  doc.font('regular').fontSize(10.5).fillColor(INK).text(text.zh, { lineGap: 2 });
  doc.moveDown(0.2);
  doc.font('regular').fontSize(8.5).fillColor(SECOND).text(latin(text.en), { lineGap: 1 });
}

function field(doc: Doc, label: Bilingual, value: Bilingual | string): void {
  const top = doc.y + 3;
  const valueX = MARGIN + LABEL_WIDTH;
  const valueWidth = doc.page.width - MARGIN - valueX;
  doc.font('bold').fontSize(10).fillColor(INK).text(label.zh, MARGIN, top, { width: LABEL_WIDTH - 8 });
  doc.font('regular').fontSize(7.5).fillColor(SECOND).text(latin(label.en), { width: LABEL_WIDTH - 8 });
  const labelBottom = doc.y;
  if (typeof value === 'string') {
    doc.font('regular').fontSize(10.5).fillColor(INK).text(latin(value), valueX, top, { width: valueWidth });
  } else {
    doc.font('regular').fontSize(10.5).fillColor(INK).text(value.zh, valueX, top, { width: valueWidth });
    doc.font('regular').fontSize(8.5).fillColor(SECOND).text(latin(value.en), { width: valueWidth });
  }
  doc.x = MARGIN;
  doc.y = Math.max(labelBottom, doc.y);
}

/**
 * The QR code as vector rectangles, one per run of dark modules, filled at once: the same symbol as a
 * PNG image would show, without encoding a PNG that pdfkit would then decode and compress again.
 */
function qr(doc: Doc, url: string, caption: Bilingual): void {
  const symbol = qrSymbol(url);
  if (doc.y + QR_SIZE > doc.page.height - MARGIN - 60) doc.addPage();
  const top = doc.y;
  const moduleSize = QR_SIZE / (symbol.size + 2 * QR_QUIET_ZONE);
  // Drawn in modules (one unit a module): each rectangle is four small integers to write, not four decimals.
  doc.save().translate(MARGIN + QR_QUIET_ZONE * moduleSize, top + QR_QUIET_ZONE * moduleSize).scale(moduleSize);
  for (const run of symbol.darkRuns) doc.rect(run.column, run.row, run.length, 1);
  doc.fill(QR_DARK).restore();
  const textX = MARGIN + QR_SIZE + 14;
  const width = doc.page.width - MARGIN - textX;
  doc.font('bold').fontSize(10.5).fillColor(INK).text(caption.zh, textX, top + 18, { width });
  doc.font('regular').fontSize(8.5).fillColor(SECOND).text(latin(caption.en), { width });
  doc.moveDown(0.4).font('regular').fontSize(8.5).fillColor(INK).text(url, { width, link: url });
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, top + QR_SIZE);
}

function foot(doc: Doc, model: DocumentModel): void {
  const width = doc.page.width - 2 * MARGIN;
  if (doc.y > doc.page.height - MARGIN - 70) doc.addPage();
  doc.moveDown(2);
  doc.font('bold').fontSize(11).fillColor(INK).text(model.issuer.zh, { align: 'right', width });
  doc.font('regular').fontSize(10.5).fillColor(INK).text(zhDate(model.issuedOn), { align: 'right', width });
  doc.font('regular').fontSize(8.5).fillColor(SECOND).text(latin(`${model.issuer.en} · ${enDate(model.issuedOn)}`), { align: 'right', width });
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(SECOND)
    .text('本文书经外国人来华工作"一件事"平台电子签发。 Issued electronically through the Work in Weihai "one thing" platform.', { align: 'center', width });
}
