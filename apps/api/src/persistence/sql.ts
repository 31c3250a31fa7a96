import { escapeLiteral } from 'pg';
import type { Actor } from '../common/actor';
import { likePattern, orderBySql, sortOrder, type Page } from '../common/pagination';

/**
 * The one statement builder of Salkku's reads. Every read is raw SQL (LATERAL joins, window
 * counts and COPY are why) written in a resource's query module (`<feature>/<feature>.queries.ts`)
 * with an `Sql` collecting its values. User input reaches SQL only through `sql.value(…)`; the
 * only text spliced in is a whitelisted ORDER BY (`sql.orderBy`) and the builders' own fragments.
 *
 * An `Sql` writes each value either as a positional parameter (`$3`, the default) or, for COPY,
 * which takes no parameters, as an SQL literal (`Sql.literal()`): the same builder makes the
 * list's statement and the CSV export's, so nothing is ever rewritten after it is built.
 */
export class Sql {
  private readonly values: unknown[] = [];

  private constructor(private readonly literal: boolean) {}

  /** Values as positional parameters ($1, $2, …), sent beside the statement. */
  static params(): Sql {
    return new Sql(false);
  }

  /** Values as SQL literals in the text (for COPY): `parameters` stays empty. */
  static literal(): Sql {
    return new Sql(true);
  }

  /** The parameters to send with the statement. */
  get parameters(): unknown[] {
    return this.values;
  }

  /** A value's place in the statement: its placeholder, or itself as a literal. */
  value(value: unknown): string {
    if (this.literal) return sqlLiteral(value);
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * The actor's city scope on a city id column (the agreement's `city_id`): a coordinator or
   * manager sees only their city's records, so another city's is neither listed, counted nor
   * found. TRUE for an actor who sees every city.
   */
  scope(actor: Actor, cityColumn: string): string {
    return actor.cityId === null ? 'TRUE' : `${cityColumn} = ${this.value(actor.cityId)}`;
  }

  /** `column = value`, or nothing when the filter is not given (undefined). */
  equals(column: string, value: unknown): string | undefined {
    return value === undefined ? undefined : `${column} = ${this.value(value)}`;
  }

  /** `column::text = ANY(values)` for an enum column and a list of its values. */
  anyOf(column: string, values: readonly string[]): string {
    return `${column}::text = ANY(${this.value(values)}::text[])`;
  }

  /** A case-insensitive "contains" over one or more columns, or nothing when the text is empty. */
  contains(columns: readonly string[], text: string | undefined): string | undefined {
    if (!text) return undefined;
    const pattern = this.value(likePattern(text));
    return `(${columns.map((column) => `${column} ILIKE ${pattern}`).join(' OR ')})`;
  }

  /** LIMIT and OFFSET of a page. */
  page(paging: Paging): string {
    return `LIMIT ${this.value(paging.pageSize)} OFFSET ${this.value((paging.page - 1) * paging.pageSize)}`;
  }
}

/**
 * Joins a record's project (`p`), priority area (`pa`) and agreement (`a`, whose city_id is the
 * scope) for records that belong to a project (milestones, status reports).
 */
export function throughProject(projectIdColumn: string): string {
  return `JOIN projects p ON p.id = ${projectIdColumn}
    JOIN priority_areas pa ON pa.id = p.priority_area_id
    JOIN agreements a ON a.id = pa.agreement_id`;
}

/** The conditions that are given, joined with AND (TRUE when none is). */
export function where(conditions: ReadonlyArray<string | undefined | false>): string {
  const given = conditions.filter((c): c is string => typeof c === 'string');
  return given.length > 0 ? given.join(' AND ') : 'TRUE';
}

/**
 * A list's sort keys and the SQL of each: `orderBy(sort)` is the ORDER BY (nulls last, the id
 * as tie-breaker) of a sort parameter such as "name" or "-plannedStart". Keys are whitelisted
 * by the list's query DTO, so an unknown key here is a programming error.
 */
export class SortColumns<K extends string> {
  constructor(
    readonly columns: Readonly<Record<K, string>>,
    readonly fallback: NoInfer<K> | `-${NoInfer<K>}`,
    readonly idColumn: string,
    /** Extra tie-breakers after the first key (e.g. "written later" after a date). */
    private readonly tieBreak: Partial<Record<NoInfer<K>, string>> = {},
    /**
     * When given, the keys whose column can be null: the others (and the id) are ordered without
     * NULLS LAST, which lets an index serve both directions (see SortOrder.nullsLast).
     */
    private readonly nullable?: readonly NoInfer<K>[],
  ) {}

  get keys(): K[] {
    return Object.keys(this.columns) as K[];
  }

  /** The key a sort value orders by (its direction left out; the fallback when none is given). */
  key(sort: string | undefined): K {
    const value = sort ?? this.fallback;
    return (value.startsWith('-') ? value.slice(1) : value) as K;
  }

  orderBy(sort: string | undefined): string {
    const order = sortOrder(sort, this.columns, this.fallback, this.idColumn);
    const first = order[0]!;
    const key = this.keys.find((k) => this.columns[k] === first.column);
    const extra = key === undefined ? undefined : this.tieBreak[key];
    if (extra) order.splice(1, 0, { column: extra, direction: first.direction });
    if (this.nullable) {
      for (const o of order) o.nullsLast = o === first && key !== undefined && this.nullable.includes(key);
    }
    return orderBySql(order);
  }
}

/** Page number and size of a list request. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** What runs SQL: a DataSource, an EntityManager or a query runner. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** One SELECT and its parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Builds a statement with a fresh `Sql` (positional parameters). */
export function statement(build: (sql: Sql) => string): Statement {
  const sql = Sql.params();
  const text = build(sql);
  return { sql: text, params: sql.parameters };
}

/** Runs a statement built by `build` and returns its rows. */
export function queryRows<Row>(db: Queryable, build: (sql: Sql) => string): Promise<Row[]> {
  const { sql, params } = statement(build);
  return db.query<Row[]>(sql, params);
}

/** Runs a statement built by `build` and returns its first row, if any. */
export async function queryRow<Row>(db: Queryable, build: (sql: Sql) => string): Promise<Row | undefined> {
  const [row] = await queryRows<Row>(db, build);
  return row;
}

/**
 * A list's page statement and its count: `page` selects the page's rows with the total as a
 * window count (`count(*) OVER () AS total`, unless `countApart`); `count` counts the same rows
 * (`SELECT count(*)::int AS total …`). Each gets a fresh `Sql`.
 */
export interface PageStatements {
  page: (sql: Sql) => string;
  count: (sql: Sql) => string;
  /**
   * The page's rows carry no total: the page is cut from an index before anything is counted
   * (a window count would read every matching row first), and the total is always the count
   * statement's, run at the same time on another connection of the pool.
   */
  countApart?: true;
}

/**
 * One page of a list and the number of rows matching its filters. Usually in one statement: the
 * total rides on the page's rows as a window count, and a page past the end, which has no rows to
 * carry it, is counted by a second statement. A list whose page is cut from an index
 * (`countApart`) runs its two statements side by side. The rule lives here once.
 */
export async function readPage<Row extends { total?: number | string }>(
  db: Queryable,
  paging: Paging,
  statements: PageStatements,
): Promise<{ rows: Row[]; total: number }> {
  if (statements.countApart) {
    const [rows, counted] = await Promise.all([
      queryRows<Row>(db, statements.page),
      queryRow<{ total: number | string }>(db, statements.count),
    ]);
    return { rows, total: Number(counted?.total ?? 0) };
  }
  const rows = await queryRows<Row>(db, statements.page);
  if (rows[0]) return { rows, total: Number(rows[0].total) };
  if (paging.page <= 1) return { rows, total: 0 };
  const counted = await queryRow<{ total: number | string }>(db, statements.count);
  return { rows, total: Number(counted?.total ?? 0) };
}

/** A list's page as the API answers it: `readPage` with each row made into its response. */
export async function readList<Row, Item>(
  db: Queryable,
  paging: Paging,
  statements: PageStatements,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const { rows, total } = await readPage<Row & { total?: number | string }>(db, paging, statements);
  return { items: rows.map(toItem), total, page: paging.page, pageSize: paging.pageSize };
}

/**
 * A plain list: explicit columns over a filtered FROM … WHERE …, ordered. `from` is called once
 * per statement (each has its own parameters). Sorting and paging apply to the filtered rows.
 */
export function plainList(
  columns: string,
  from: (sql: Sql) => string,
  orderBy: string,
  paging: Paging,
): PageStatements {
  return {
    page: (sql) => `SELECT ${columns}, count(*) OVER () AS total ${from(sql)} ORDER BY ${orderBy} ${sql.page(paging)}`,
    count: (sql) => `SELECT count(*)::int AS total ${from(sql)}`,
  };
}

/**
 * One value as an SQL literal, for statements that cannot take parameters (COPY). Only plain
 * values: strings (quoted by pg's escapeLiteral, which also handles backslashes), finite
 * numbers, booleans, null, and arrays of strings; anything else is refused, not guessed at.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write the number ${value} as a literal`);
    // Parenthesised so that a negative number stays one operand (e.g. before a ::cast).
    return value < 0 ? `(${String(value)})` : String(value);
  }
  if (Array.isArray(value)) {
    if (!value.every((item): item is string => typeof item === 'string')) {
      throw new Error('Only arrays of strings can be written as literals');
    }
    return `ARRAY[${value.map((item) => escapeLiteral(item)).join(', ')}]::text[]`;
  }
  throw new Error(`Cannot write a value of type ${typeof value} as a literal`);
}

/**
 * Runs independent reads side by side (`together`: on the pool's connections) or one after
 * another (on a transaction's one connection, where pg would only queue them, and deprecates that).
 */
export async function readAll<T extends readonly unknown[]>(
  together: boolean,
  reads: { readonly [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (together) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
