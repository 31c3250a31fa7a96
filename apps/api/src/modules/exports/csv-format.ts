import { escapeLiteral } from 'pg';
import type { ExportProfile } from '@salkku/shared';

/**
 * How an export writes each kind of cell, as SQL expressions over text: every cell is formatted
 * by PostgreSQL, so the COPY output is the finished file body and Node only passes bytes on.
 *
 * - fi-excel: decimal comma, no digit grouping, ASCII minus (what numeric::text gives), dates
 *   D.M.YYYY and moments D.M.YYYY H:MM in Salkku's time zone (Excel in Finnish reads both as
 *   dates); `;` between fields.
 * - standard: decimal point, ISO 8601 dates and moments (in UTC, with "Z"); `,` between fields.
 *
 * Text cells that a spreadsheet would take for a formula get a leading apostrophe (OWASP ASVS
 * 1.2.10: CSV injection): those whose first non-blank character is =, +, - or @ (or their
 * full-width forms), after any spaces, tabs, line breaks, no-break or other Unicode spaces, and
 * those that start with a tab or CR. Numbers and dates are never touched, so a negative amount
 * stays a number.
 */
export interface CsvProfile {
  name: ExportProfile;
  delimiter: ';' | ',';
  bom: boolean;
  /** to_char pattern of a calendar date. */
  datePattern: string;
  /** to_char pattern of a moment (timestamptz), and whether it is written in Salkku's time zone (else UTC). */
  timestampPattern: string;
  localTime: boolean;
  decimalComma: boolean;
}

export const CSV_PROFILES: Readonly<Record<ExportProfile, CsvProfile>> = {
  'fi-excel': {
    name: 'fi-excel',
    delimiter: ';',
    bom: true,
    datePattern: 'FMDD.FMMM.YYYY',
    timestampPattern: 'FMDD.FMMM.YYYY FMHH24:MI',
    localTime: true,
    decimalComma: true,
  },
  standard: {
    name: 'standard',
    delimiter: ',',
    bom: false,
    datePattern: 'YYYY-MM-DD',
    timestampPattern: 'YYYY-MM-DD"T"HH24:MI:SS"Z"',
    localTime: false,
    decimalComma: false,
  },
};

/** Characters that start a formula in a spreadsheet: = + - @ and their full-width forms. */
export const FORMULA_CHARACTERS = '=+@\uFF1D\uFF0B\uFF0D\uFF20-';

/**
 * What a spreadsheet skips before it looks for a formula: ASCII white space (space, tab, line
 * feed, vertical tab, form feed, CR), the no-break spaces, the other Unicode spaces and
 * separators, the zero-width space and the byte order mark.
 */
export const BLANK_CHARACTERS = ' \t\n\u000B\f\r\u00A0\u1680\u180E\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF';

/**
 * A text that a spreadsheet would run as a formula, as a regular expression that PostgreSQL
 * (`~`) and JavaScript read alike: the characters themselves, not escapes, inside the classes.
 */
export const FORMULA_START = `^[${BLANK_CHARACTERS}]*[${FORMULA_CHARACTERS}]|^[\t\r]`;

export class CellSql {
  /** `timeZone`: Salkku's (an IANA name), for the profiles that write moments in local time. */
  constructor(
    readonly profile: CsvProfile,
    private readonly timeZone = 'UTC',
  ) {}

  /** Free text (names, narratives, codes): neutralised if it would start a formula. */
  text(expr: string): string {
    const t = `(${expr})::text`;
    return `CASE WHEN ${t} ~ ${escapeLiteral(FORMULA_START)} THEN '''' || ${t} ELSE ${t} END`;
  }

  /** A calendar date (`date` column). */
  date(expr: string): string {
    return `to_char(${expr}, '${this.profile.datePattern}')`;
  }

  /** A moment (`timestamptz` column), in Salkku's time zone or in UTC as the profile says. */
  timestamp(expr: string): string {
    const zone = escapeLiteral(this.profile.localTime ? this.timeZone : 'UTC');
    return `to_char((${expr}) AT TIME ZONE ${zone}, '${this.profile.timestampPattern}')`;
  }

  /** An exact decimal (money, percent): its numeric text, with a decimal comma in fi-excel. */
  decimal(expr: string): string {
    return this.profile.decimalComma ? `replace((${expr})::text, '.', ',')` : `(${expr})::text`;
  }

  /** A count. */
  integer(expr: string): string {
    return `(${expr})::text`;
  }

  /** An enum value written as its label (our own words, so not neutralised); null stays empty. */
  label(expr: string, labels: Readonly<Record<string, string>>): string {
    const cases = Object.entries(labels)
      .map(([value, label]) => `WHEN ${escapeLiteral(value)} THEN ${escapeLiteral(label)}`)
      .join(' ');
    return `CASE (${expr})::text ${cases} END`;
  }

  /** A boolean as the language's yes / no. */
  yesNo(expr: string, yes: string, no: string): string {
    return `CASE WHEN ${expr} THEN ${escapeLiteral(yes)} ELSE ${escapeLiteral(no)} END`;
  }
}

/** One CSV field as RFC 4180 writes it (for the header row, which Node writes). */
export function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** The header row with its line end (and the UTF-8 BOM first, when the profile wants it). */
export function headerRow(labels: readonly string[], profile: CsvProfile): Buffer {
  const line = labels.map((label) => csvField(label, profile.delimiter)).join(profile.delimiter) + '\r\n';
  return Buffer.from((profile.bom ? '\uFEFF' : '') + line, 'utf8');
}
