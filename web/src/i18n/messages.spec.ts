import { resources } from './resources';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('UI texts', () => {
  it.each(Object.keys(resources.en))('namespace %s has the same keys in Chinese and English', (namespace) => {
    const en = keysOf(resources.en[namespace as keyof typeof resources.en]).sort();
    const zh = keysOf(resources.zh[namespace as keyof typeof resources.zh]).sort();
    expect(zh).toEqual(en);
  });

  it('has no empty text', () => {
    for (const lang of ['en', 'zh'] as const) {
      const empty = keysOf(resources[lang]).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources[lang]);
        return typeof value === 'string' && value.trim() === '';
      });
      expect({ lang, empty }).toEqual({ lang, empty: [] });
    }
  });
});
