import { create } from 'qrcode';

/** A horizontal run of dark modules: its row, its first column (from the symbol's top left) and its length. */
export interface DarkRun {
  row: number;
  column: number;
  length: number;
}

/** A QR code as the renderer draws it: the symbol's width in modules and its dark modules, row by row. */
export interface QrSymbol {
  size: number;
  darkRuns: DarkRun[];
}

/**
 * The QR code of `text` at error correction M (what phone scanners read reliably from paper), its dark
 * modules merged into runs along each row so that a row is a few rectangles rather than one per module.
 */
export function qrSymbol(text: string): QrSymbol {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  const darkRuns: DarkRun[] = [];
  for (let row = 0; row < size; row += 1) {
    let column = 0;
    while (column < size) {
      if (!data[row * size + column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && data[row * size + column]) column += 1;
      darkRuns.push({ row, column: start, length: column - start });
    }
  }
  return { size, darkRuns };
}
