/**
 * Renders a PDF's pages to PNG images with pdf.js, loaded only when a preview is first opened (its
 * own chunk and worker). Fonts are drawn as outlines and nothing is evaluated, so the page's strict
 * content security policy holds.
 */
export async function renderPdfPages(data: ArrayBuffer, cssWidth: number): Promise<Blob[]> {
  const pdfjs = await import('pdfjs-dist');
  const { default: workerSrc } = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  const document = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: Blob[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const scale = (cssWidth / page.getViewport({ scale: 1 }).width) * Math.min(window.devicePixelRatio || 1, 2);
      const viewport = page.getViewport({ scale });
      const canvas = window.document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      pages.push(await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no image'))), 'image/png')));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
