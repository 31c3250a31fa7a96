import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → value for every leaf of a translation file. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [p, v] of leaves(value, path)) result.set(p, v);
  }
  return result;
}

const locales = { fi: leaves(fi), sv: leaves(sv), en: leaves(en) };
const allKeys = [...new Set(Object.values(locales).flatMap((keys) => [...keys.keys()]))].sort();

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  it.each(Object.keys(locales) as Array<keyof typeof locales>)('%s has every key that any language has', (language) => {
    const missing = allKeys.filter((key) => !locales[language].has(key));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(locales) as Array<keyof typeof locales>)('%s has no empty texts', (language) => {
    const empty = [...locales[language]].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in every language', () => {
    const mismatched = allKeys.filter((key) => {
      const [first, ...rest] = Object.values(locales).map((l) => placeholders(l.get(key) ?? '').join(','));
      return rest.some((p) => p !== first);
    });
    expect(mismatched).toEqual([]);
  });
});
