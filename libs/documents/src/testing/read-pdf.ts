import { Worker } from 'node:worker_threads';

/** What a reader gets from a PDF: its title, the text of each page, and every QR code in its images. */
export interface ReadPdf {
  title: string;
  pages: string[];
  /** Every page's text, lines joined by newlines. */
  text: string;
  qrCodes: string[];
}

/**
 * pdf.js (the browsers' PDF engine, ES modules only) runs in a worker thread of its own: a worker's
 * `import()` loads it natively, which Jest's module registry cannot. Each image on each page is
 * decoded by pdf.js and handed to jsQR.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const jsQR = require(workerData.jsqrPath);
(async () => {
  const { getDocument, OPS } = await import(pathToFileURL(workerData.pdfjsPath).href);
  const doc = await getDocument({ data: workerData.pdf, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const { info } = await doc.getMetadata();
  const pages = [];
  const qrCodes = [];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\\n' : '')).join(''));
    const operators = await page.getOperatorList();
    for (let i = 0; i < operators.fnArray.length; i += 1) {
      if (operators.fnArray[i] !== OPS.paintImageXObject) continue;
      const image = await new Promise((resolve) => page.objs.get(operators.argsArray[i][0], resolve));
      const qr = jsQR(toRgba(image), image.width, image.height);
      if (qr) qrCodes.push(qr.data);
    }
  }
  parentPort.postMessage({ title: info.Title ?? '', pages, qrCodes });
})().catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));

function toRgba({ width, height, kind, data }) {
  if (kind === 3) return new Uint8ClampedArray(data);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p += 1) {
    if (kind === 2) rgba.set([data[p * 3], data[p * 3 + 1], data[p * 3 + 2], 255], p * 4);
    else {
      const on = (data[p >> 3] >> (7 - (p & 7))) & 1;
      rgba.set(on ? [255, 255, 255, 255] : [0, 0, 0, 255], p * 4);
    }
  }
  return rgba;
}
`;

export function readPdf(pdf: Uint8Array): Promise<ReadPdf> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdf: new Uint8Array(pdf), pdfjsPath: require.resolve('pdfjs-dist/legacy/build/pdf.mjs'), jsqrPath: require.resolve('jsqr') },
  });
  return new Promise<ReadPdf>((resolve, reject) => {
    worker.once('message', (reply: { error?: string; title: string; pages: string[]; qrCodes: string[] }) => {
      void worker.terminate();
      if (reply.error) reject(new Error(`pdf.js could not read the document: ${reply.error}`));
      else resolve({ title: reply.title, pages: reply.pages, text: reply.pages.join('\n'), qrCodes: reply.qrCodes });
    });
    worker.once('error', reject);
  });
}

/** The text without white space, so a phrase the layout wrapped over two lines is still found. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
