import { Transform, type TransformCallback } from 'node:stream';

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * PostgreSQL's COPY ends every record with LF; RFC 4180 (and Excel's own files) use CRLF. This
 * turns the LF that ends a record into CRLF and leaves line breaks inside quoted fields as they
 * are. COPY's CSV quotes a field that contains a quote or line break and doubles inner quotes,
 * so counting quotes tells inside from outside: a doubled quote toggles twice. The state
 * carries over chunk boundaries. Work is one native byte search per quote and record end.
 */
export class CrlfRecordEnds extends Transform {
  private inQuotes = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const ends: number[] = [];
    let i = 0;
    let nextQuote = chunk.indexOf(QUOTE, 0);
    while (i < chunk.length) {
      if (this.inQuotes) {
        if (nextQuote === -1) break;
        this.inQuotes = false;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
        continue;
      }
      const nextLf = chunk.indexOf(LF, i);
      if (nextLf === -1 && nextQuote === -1) break;
      if (nextQuote !== -1 && (nextLf === -1 || nextQuote < nextLf)) {
        this.inQuotes = true;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
      } else {
        ends.push(nextLf);
        i = nextLf + 1;
      }
    }
    if (ends.length === 0) {
      callback(null, chunk);
      return;
    }
    const out = Buffer.allocUnsafe(chunk.length + ends.length);
    let from = 0;
    let to = 0;
    for (const end of ends) {
      to += chunk.copy(out, to, from, end);
      out[to++] = 0x0d;
      out[to++] = LF;
      from = end + 1;
    }
    chunk.copy(out, to, from);
    callback(null, out);
  }
}
