import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import { catalogueVersions, CURRENT_CATALOGUE_VERSION, getCatalogue } from './catalogue.registry';

describe(getCatalogue.name, () => {
  it('gives the current version by default', () => {
    expect(getCatalogue().version).toBe(CURRENT_CATALOGUE_VERSION);
  });

  it('gives a version by its name, for a case that keeps it', () => {
    expect(getCatalogue('2026.1').version).toBe('2026.1');
  });

  it('refuses an unknown version', () => {
    expect(() => getCatalogue('1999.1')).toThrow(new CatalogueError(CatalogueErrorCode.UnknownVersion, 'There is no catalogue version 1999.1; known versions: 2026.1'));
  });

  it('gives a catalogue nobody can change by accident', () => {
    const catalogue = getCatalogue();
    expect(() => (catalogue.items[0].prerequisites as string[]).push('WORK_PERMIT')).toThrow(TypeError);
  });
});

describe(catalogueVersions.name, () => {
  it('lists every registered version', () => {
    expect(catalogueVersions()).toEqual(['2026.1']);
  });
});
