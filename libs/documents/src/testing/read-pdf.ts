import { Worker } from 'node:worker_threads';

/** What a reader gets from a PDF: its title, the text of each page, and the QR code on each page. */
export interface ReadPdf {
  title: string;
  pages: string[];
  /** Every page's text, lines joined by newlines. */
  text: string;
  /** What each page's QR code reads as, in page order (one per page at most, as a phone reads it). */
  qrCodes: string[];
  /** Each of those QR codes' modules as seen on the page: rows from the top, `1` dark and `0` light. */
  qrModules: number[][][];
}

/**
 * pdf.js (the browsers' PDF engine, ES modules only) runs in a worker thread of its own: a worker's
 * `import()` loads it natively, which Jest's module registry cannot. Each page is rendered as a
 * scanner would see it (pdf.js onto its Node canvas, 3 pixels a point) and handed to jsQR, whatever
 * draws the code: an image or vector shapes. Its modules are read too, so a test can compare them with
 * the symbol it expects, not only with what error correction recovers.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const jsQR = require(workerData.jsqrPath);
const SCALE = 3;
(async () => {
  const { getDocument } = await import(pathToFileURL(workerData.pdfjsPath).href);
  const doc = await getDocument({ data: workerData.pdf, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const { info } = await doc.getMetadata();
  const pages = [];
  const qrCodes = [];
  const qrModules = [];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\\n' : '')).join(''));
    const viewport = page.getViewport({ scale: SCALE });
    const { canvas, context } = doc.canvasFactory.create(viewport.width, viewport.height);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, viewport.width, viewport.height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    const image = context.getImageData(0, 0, viewport.width, viewport.height);
    const qr = jsQR(image.data, image.width, image.height);
    if (qr) {
      qrCodes.push(qr.data);
      qrModules.push(modules(image, qr.location, 17 + 4 * qr.version));
    }
  }
  parentPort.postMessage({ title: info.Title ?? '', pages, qrCodes, qrModules });
})().catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));

/**
 * Dark (1) or light (0) at each module's centre. jsQR's corners are estimates; the symbol's own edges
 * are exact: within two modules of those corners (inside the quiet zone) the dark pixels' bounds are
 * the symbol's, which the finder patterns' outer corners touch.
 */
function modules(image, location, size) {
  const corners = [location.topLeftCorner, location.topRightCorner, location.bottomLeftCorner, location.bottomRightCorner];
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const slack = (2 * (Math.max(...xs) - Math.min(...xs))) / size;
  const dark = (x, y) => {
    const i = (y * image.width + x) * 4;
    return image.data[i] + image.data[i + 1] + image.data[i + 2] < 3 * 128;
  };
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  const [fromX, toX] = [Math.max(0, Math.floor(Math.min(...xs) - slack)), Math.min(image.width - 1, Math.ceil(Math.max(...xs) + slack))];
  const [fromY, toY] = [Math.max(0, Math.floor(Math.min(...ys) - slack)), Math.min(image.height - 1, Math.ceil(Math.max(...ys) + slack))];
  for (let y = fromY; y <= toY; y += 1) {
    for (let x = fromX; x <= toX; x += 1) {
      if (!dark(x, y)) continue;
      [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
    }
  }
  const width = (right + 1 - left) / size;
  const height = (bottom + 1 - top) / size;
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => (dark(Math.floor(left + (column + 0.5) * width), Math.floor(top + (row + 0.5) * height)) ? 1 : 0)),
  );
}
`;

export function readPdf(pdf: Uint8Array): Promise<ReadPdf> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdf: new Uint8Array(pdf), pdfjsPath: require.resolve('pdfjs-dist/legacy/build/pdf.mjs'), jsqrPath: require.resolve('jsqr') },
  });
  return new Promise<ReadPdf>((resolve, reject) => {
    worker.once('message', (reply: { error?: string; title: string; pages: string[]; qrCodes: string[]; qrModules: number[][][] }) => {
      void worker.terminate();
      if (reply.error) reject(new Error(`pdf.js could not read the document: ${reply.error}`));
      else resolve({ title: reply.title, pages: reply.pages, text: reply.pages.join('\n'), qrCodes: reply.qrCodes, qrModules: reply.qrModules });
    });
    worker.once('error', reject);
  });
}

/** The text without white space, so a phrase the layout wrapped over two lines is still found. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
