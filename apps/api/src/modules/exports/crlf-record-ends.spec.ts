import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CrlfRecordEnds } from './crlf-record-ends';

async function convert(chunks: string[]): Promise<string> {
  return text(Readable.from(chunks.map((c) => Buffer.from(c, 'utf8'))).pipe(new CrlfRecordEnds()));
}

describe('CrlfRecordEnds', () => {
  it('ends each record with CRLF', async () => {
    expect(await convert(['a;b\nc;d\n'])).toBe('a;b\r\nc;d\r\n');
  });

  it('keeps line breaks inside quoted fields, also across chunks and with doubled quotes', async () => {
    const input = 'x;"line 1\nline ""2""\n";y\nz;"q"\n';
    const expected = 'x;"line 1\nline ""2""\n";y\r\nz;"q"\r\n';
    expect(await convert([input])).toBe(expected);
    // Every split point: the quote state must survive chunk boundaries.
    for (let cut = 1; cut < input.length; cut++) {
      expect(await convert([input.slice(0, cut), input.slice(cut)])).toBe(expected);
    }
  });

  it('leaves a chunk without record ends untouched', async () => {
    expect(await convert(['"no end yet'])).toBe('"no end yet');
  });
});
