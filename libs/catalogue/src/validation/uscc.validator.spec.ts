import { isValidUscc, usccCheckCharacter } from './uscc.validator';

/*
 * Check characters worked out by hand. Values: digits are themselves, then A10 B11 C12 D13 E14 F15
 * G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26 U27 W28 X29 Y30. Weights 1,3,9,27,19,26,16,17,20,29,
 * 25,13,8,24,10,30,28.
 *
 * 91370000163040235?  9·1+1·3+3·9+7·27+0·19+0·26+0·16+0·17+1·20+6·29+3·25+0·13+4·8+0·24+2·10+3·30+5·28
 *                     = 9+3+27+189+0+0+0+0+20+174+75+0+32+0+20+90+140 = 779; 779 mod 31 = 4; 31−4 = 27 → U
 * 91371000MA3C5LXX0?  9·1+1·3+3·9+7·27+1·19+0·26+0·16+0·17+M21·20+A10·29+3·25+C12·13+5·8+L20·24+X29·10+X29·30+0·28
 *                     = 9+3+27+189+19+0+0+0+420+290+75+156+40+480+290+870+0 = 2868; mod 31 = 16; 31−16 = 15 → F
 * 91371000MA3C5LXX5?  2868 − 0·28 + 5·28 = 3008; mod 31 = 1; 31−1 = 30 → Y
 * 91371000MA3C5LXXT?  2868 + T26·28 = 3596 = 31·116; mod 31 = 0; 31−0 = 31 → written 0
 * Two published codes of large companies also check: 91110108551385082Q, 91440300708461136T.
 */
const VALID = ['91370000163040235U', '91371000MA3C5LXX0F', '91371000MA3C5LXX5Y', '91371000MA3C5LXXT0', '91110108551385082Q', '91440300708461136T'];

/** GB 32100-2015 written out step by step, independent of the implementation under test. */
function referenceCheck(code: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(code[i]) * weights[i];
  const check = 31 - (sum % 31);
  return check === 31 ? '0' : alphabet[check];
}

describe(isValidUscc.name, () => {
  it.each(VALID)('confirms by the written-out algorithm that %s is a valid example', (code) => {
    expect(referenceCheck(code)).toBe(code[17]);
  });

  it.each(VALID)('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    ['91370000163040235D', 'a wrong check character'],
    ['91370000MA3C5LXX0X', 'a wrong check character'],
    ['91371000MA3C5LXX0', '17 characters'],
    ['91371000MA3C5LXX0FF', '19 characters'],
    ['91371000ma3c5lxx0f', 'lower case'],
    ['91371000MA3C5LOX0F', 'the letter O, outside the alphabet'],
    ['91371000MI3C5LXX0F', 'the letter I, outside the alphabet'],
    ['9137A000MA3C5LXX0F', 'a letter in the administrative division'],
    ['', 'an empty string'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('refuses a value that is not a string', () => {
    expect(isValidUscc(913700001630402)).toBe(false);
  });
});

describe(usccCheckCharacter.name, () => {
  it('writes a check value of 31 as 0', () => {
    expect(usccCheckCharacter('91371000MA3C5LXXT')).toBe('0');
  });

  it('gives U for 91370000163040235', () => {
    expect(usccCheckCharacter('91370000163040235')).toBe('U');
  });
});
