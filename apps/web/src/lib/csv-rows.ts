/**
 * Counts CSV records as the bytes of a download arrive, without decoding or holding them: a line
 * feed ends a record unless it is inside a quoted field. Quotes inside a quoted field are doubled
 * (`""`), which toggles the state twice and so leaves it right, whatever chunk boundary falls
 * between them. The counter keeps its state across chunks.
 */
export class CsvRecordCounter {
  private inQuotes = false;
  private count = 0;

  /** Counts the records a chunk completes; returns the total so far. */
  push(chunk: Uint8Array): number {
    let { inQuotes, count } = this;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x22) inQuotes = !inQuotes;
      else if (byte === 0x0a && !inQuotes) count++;
    }
    this.inQuotes = inQuotes;
    this.count = count;
    return count;
  }

  get records(): number {
    return this.count;
  }
}
