/** The holder's name as a passport prints it: SURNAME Given Names. */
export function fullName(surname: string, givenNames: string): string {
  return [surname.trim().toUpperCase(), givenNames.trim()].filter(Boolean).join(' ');
}

/**
 * The name a checker of a permit may see — enough to match the person in front of them, not enough
 * to learn a name from a document number: the surname's first three letters and each given name's
 * first letter (`SMITH John Paul` → `SMI*** J*** P***`).
 */
export function maskedName(surname: string, givenNames: string): string {
  const mask = (word: string, keep: number) => `${[...word].slice(0, keep).join('').toUpperCase()}***`;
  const surnames = surname.trim().split(/\s+/).filter(Boolean);
  const given = givenNames.trim().split(/\s+/).filter(Boolean);
  return [...surnames.map((word, index) => mask(word, index === 0 ? 3 : 1)), ...given.map((word) => mask(word, 1))].join(' ');
}
