/**
 * Money typed by a person, Finnish style ("1 234,50", "1234,5 €", "1 000") or with a decimal point
 * ("1234.50"), to the exact decimal string the API wants ("1234.50"). Never goes through a float.
 * Returns null for an empty input and undefined for one that is not an amount of euros.
 */
export function parseMoneyInput(input: string): string | null | undefined {
  const compact = input.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  if (compact === '') return null;
  const match = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(compact);
  if (!match) return undefined;
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  return `${whole}.${cents}`;
}

/** The API's "1234.50" as a Finnish-style input value "1234,50" (null → ""). */
export function moneyToInput(value: string | null | undefined): string {
  return value == null ? '' : value.replace('.', ',');
}
