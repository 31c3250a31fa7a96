/**
 * Exact euro arithmetic for expected figures, computed in the test from the seeded rows:
 * "1234.50" ↔ cents as a bigint, never a float.
 */
export const cents = (amount: string): bigint => BigInt(amount.replace('.', ''));

export const euros = (value: bigint): string => {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

export const sumCents = (values: bigint[]): bigint => values.reduce((a, b) => a + b, 0n);
