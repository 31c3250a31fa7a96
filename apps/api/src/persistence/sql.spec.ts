import type { Actor } from '../common/actor';
import { SortColumns, Sql, sqlLiteral, where } from './sql';

const cityActor = { cityId: 'c1' } as Actor;
const nationalActor = { cityId: null } as Actor;

describe('Sql', () => {
  it('collects values as positional parameters, in order', () => {
    const sql = Sql.params();
    expect(`${sql.value('a')} ${sql.value(2)} ${sql.scope(cityActor, 'a.city_id')}`).toBe('$1 $2 a.city_id = $3');
    expect(sql.parameters).toEqual(['a', 2, 'c1']);
  });

  it('writes the same statement with literals for COPY, and sends no parameters', () => {
    const sql = Sql.literal();
    const text = where([
      sql.equals('p.code', "O'Brien"),
      sql.contains(['p.name'], '50%_'),
      sql.scope(cityActor, 'a.city_id'),
    ]);
    expect(text).toBe("p.code = 'O''Brien' AND (p.name ILIKE  E'%50\\\\%\\\\_%') AND a.city_id = 'c1'");
    expect(sql.parameters).toEqual([]);
  });

  it('scopes a city-scoped actor to their city and leaves a national one unscoped', () => {
    expect(Sql.params().scope(nationalActor, 'a.city_id')).toBe('TRUE');
  });

  it('leaves out filters that are not given', () => {
    const sql = Sql.params();
    expect(where([sql.equals('x', undefined), sql.contains(['y'], ''), false])).toBe('TRUE');
    expect(sql.equals('u.active', false)).toBe('u.active = $1');
    expect(sql.parameters).toEqual([false]);
  });

  it('writes a page as LIMIT and OFFSET', () => {
    const sql = Sql.params();
    expect(sql.page({ page: 3, pageSize: 20 })).toBe('LIMIT $1 OFFSET $2');
    expect(sql.parameters).toEqual([20, 40]);
  });
});

describe('SortColumns', () => {
  const sort = new SortColumns({ date: 's.date', name: 's.name' }, '-date', 's.id', { date: 's.created_at' });

  it('orders by the key, its tie-breaker and the id, nulls last', () => {
    expect(sort.orderBy(undefined)).toBe('s.date DESC NULLS LAST, s.created_at DESC NULLS LAST, s.id DESC NULLS LAST');
    expect(sort.orderBy('name')).toBe('s.name ASC NULLS LAST, s.id ASC NULLS LAST');
  });

  it('refuses an unknown key (the query DTO whitelists them)', () => {
    expect(() => sort.orderBy('nope')).toThrow(/Unknown sort key/);
  });
});

describe('sqlLiteral', () => {
  it('writes plain values as literals', () => {
    expect([sqlLiteral('x'), sqlLiteral(5), sqlLiteral(true), sqlLiteral(null)]).toEqual(["'x'", '5', 'TRUE', 'NULL']);
  });

  it('escapes quotes and backslashes so a value cannot end its literal', () => {
    expect(sqlLiteral("O'Brien\\'; DROP TABLE x; --")).toBe(" E'O''Brien\\\\''; DROP TABLE x; --'");
  });

  it('writes arrays of strings and negative numbers', () => {
    expect(sqlLiteral(['done', "it's"])).toBe("ARRAY['done', 'it''s']::text[]");
    expect(sqlLiteral(-2.5)).toBe('(-2.5)');
  });

  it('refuses anything it cannot write exactly', () => {
    expect(() => sqlLiteral({ a: 1 })).toThrow();
    expect(() => sqlLiteral(new Date())).toThrow();
    expect(() => sqlLiteral(10n)).toThrow();
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral([1, 2])).toThrow();
  });
});
