import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import type { FeeRule } from '../model/catalogue.model';

/** The fee in RMB for a permit of `validityMonths` whole months under the rule. */
export function feeCnyFor(fee: FeeRule, validityMonths: number): number {
  if (fee.kind === 'free') return 0;
  const band = [...fee.bands].sort((a, b) => a.belowMonths - b.belowMonths).find((b) => validityMonths < b.belowMonths);
  if (!band || validityMonths < 0) {
    throw new CatalogueError(CatalogueErrorCode.InvalidArgument, `No fee band covers a validity of ${validityMonths} months`);
  }
  return band.feeCny;
}
