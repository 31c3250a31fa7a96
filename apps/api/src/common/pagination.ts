import { type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@salkku/shared';
import { Type as TransformType } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/**
 * The highest page number a list accepts: far beyond any real list, and small enough that the
 * offset ((page − 1) × pageSize) stays an ordinary integer in SQL.
 */
export const MAX_PAGE = 1_000_000;

/** Query parameters every list endpoint takes. Sort is declared per list (its allowed keys). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A page response class for OpenAPI: `Paginated(ProjectSummary)` → `ProjectSummaryPage`. */
export function Paginated<T>(item: Type<T>): Type<Page<T>> {
  class PageOf {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ description: 'Number of records matching the filters' })
    total: number;

    @ApiProperty()
    page: number;

    @ApiProperty()
    pageSize: number;
  }
  Object.defineProperty(PageOf, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  return PageOf;
}

export interface SortOrder {
  column: string;
  direction: 'ASC' | 'DESC';
  /**
   * False for a column that is never null: no NULLS LAST then, so that a descending order is an
   * ascending index read backwards (DESC NULLS LAST is not). Default true.
   */
  nullsLast?: boolean;
}

/**
 * Turns a sort parameter ("name", "-plannedStart") into SQL ordering, given the allowed keys and
 * the SQL expression of each. The id comes last as a tie-breaker so that pages are stable.
 */
export function sortOrder(
  sort: string | undefined,
  columns: Record<string, string>,
  fallback: string,
  idColumn: string,
): SortOrder[] {
  const key = sort ?? fallback;
  const descending = key.startsWith('-');
  const name = descending ? key.slice(1) : key;
  const column = columns[name];
  if (!column) throw new Error(`Unknown sort key ${name}`);
  const direction = descending ? 'DESC' : 'ASC';
  return [
    { column, direction },
    { column: idColumn, direction },
  ];
}

/** The ORDER BY clause of a sort order for raw SQL. */
export function orderBySql(order: SortOrder[]): string {
  return order.map((o) => `${o.column} ${o.direction}${o.nullsLast === false ? '' : ' NULLS LAST'}`).join(', ');
}

/** The allowed values of a `sort` parameter: each key ascending, or descending with "-". */
export function sortValues(keys: readonly string[]): string[] {
  return keys.flatMap((k) => [k, `-${k}`]);
}

/** Escapes a user's text for an ILIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Query-string "true"/"false" → boolean; anything else is left for @IsBoolean to refuse. */
export const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
