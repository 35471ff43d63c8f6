import { create } from 'qrcode';
import { qrSymbol } from './qr-code';

const URL = 'https://work.weihai.gov.cn/verify/PSB-20261206-ABCDEFGHJK';

describe(qrSymbol.name, () => {
  it('covers exactly the dark modules of the code at error correction M', () => {
    const expected = create(URL, { errorCorrectionLevel: 'M' }).modules;
    const symbol = qrSymbol(URL);
    const drawn = new Uint8Array(symbol.size * symbol.size);
    for (const run of symbol.darkRuns) drawn.fill(1, run.row * symbol.size + run.column, run.row * symbol.size + run.column + run.length);
    expect(symbol.size).toBe(expected.size);
    expect(drawn).toEqual(expected.data);
  });

  it('merges neighbouring dark modules of a row into one run', () => {
    const { darkRuns } = qrSymbol(URL);
    // The finder pattern's top edge is seven dark modules at each end of the first row.
    expect(darkRuns[0]).toEqual({ row: 0, column: 0, length: 7 });
    for (let i = 1; i < darkRuns.length; i += 1) {
      const [previous, run] = [darkRuns[i - 1], darkRuns[i]];
      if (run.row === previous.row) expect(run.column).toBeGreaterThan(previous.column + previous.length);
    }
  });
});
