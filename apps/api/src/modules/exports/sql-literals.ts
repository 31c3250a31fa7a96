import { escapeLiteral } from 'pg';

/**
 * COPY takes no bind parameters, so an export's statement carries its filter values as SQL
 * literals. `inlineParams` turns a statement written with `$n` placeholders (exactly what the
 * list queries build) and its values into one literal statement.
 *
 * Only plain values are accepted: strings (quoted with pg's escapeLiteral, which also handles
 * backslashes), finite numbers, booleans, null, and arrays of strings; anything else (objects,
 * dates, bigints, NaN) is refused rather than guessed at. Quoted literals and quoted identifiers
 * already in the statement are skipped, so a "$1" inside them is never taken for a placeholder.
 */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (match, index: string | undefined) => {
    if (index === undefined) return match;
    const n = Number(index);
    if (n < 1 || n > params.length) throw new Error(`Placeholder $${n} has no value (${params.length} given)`);
    return sqlLiteral(params[n - 1]);
  });
}

/** One value as an SQL literal (see inlineParams for what is accepted). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot inline the number ${value}`);
    // Parenthesised so that a negative number stays one operand (e.g. before a ::cast).
    return value < 0 ? `(${String(value)})` : String(value);
  }
  if (Array.isArray(value)) {
    if (!value.every((item): item is string => typeof item === 'string')) {
      throw new Error('Only arrays of strings can be inlined');
    }
    return `ARRAY[${value.map((item) => escapeLiteral(item)).join(', ')}]::text[]`;
  }
  throw new Error(`Cannot inline a value of type ${typeof value}`);
}
