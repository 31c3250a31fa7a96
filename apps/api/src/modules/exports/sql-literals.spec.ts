import { inlineParams, sqlLiteral } from './sql-literals';

describe('inlineParams', () => {
  it('replaces each placeholder with its value as a literal', () => {
    expect(inlineParams('a = $1 AND b = $2 AND c = $3 AND d = $4', ['x', 5, true, null])).toBe(
      "a = 'x' AND b = 5 AND c = TRUE AND d = NULL",
    );
  });

  it('escapes quotes and backslashes so a value cannot end its literal', () => {
    expect(inlineParams('q = $1', ["O'Brien\\'; DROP TABLE x; --"])).toBe("q =  E'O''Brien\\\\''; DROP TABLE x; --'");
  });

  it('takes $10 as the tenth value, not $1 followed by 0', () => {
    const params = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(inlineParams('$10, $1', params)).toBe("'v10', 'v1'");
  });

  it('leaves placeholders inside literals and quoted identifiers alone', () => {
    expect(inlineParams(`SELECT '$1 costs' AS "$2", $1`, ['x'])).toBe(`SELECT '$1 costs' AS "$2", 'x'`);
  });

  it('inlines arrays of strings and negative numbers', () => {
    expect(sqlLiteral(['done', "it's"])).toBe("ARRAY['done', 'it''s']::text[]");
    expect(sqlLiteral(-2.5)).toBe('(-2.5)');
  });

  it('refuses anything it cannot write exactly', () => {
    expect(() => sqlLiteral({ a: 1 })).toThrow();
    expect(() => sqlLiteral(new Date())).toThrow();
    expect(() => sqlLiteral(10n)).toThrow();
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral([1, 2])).toThrow();
    expect(() => inlineParams('$2', ['only one'])).toThrow(/has no value/);
  });
});
