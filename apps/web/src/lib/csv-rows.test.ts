import { CsvRecordCounter } from './csv-rows';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('CsvRecordCounter', () => {
  it('counts one record per line feed outside quotes', () => {
    const counter = new CsvRecordCounter();
    expect(counter.push(bytes('a;b\r\n1;2\r\n3;4\r\n'))).toBe(3);
  });

  it('does not count line feeds inside quoted fields, doubled quotes included', () => {
    const counter = new CsvRecordCounter();
    expect(counter.push(bytes('"Itä-Suomen\nyliopisto";"sanoi ""hei""\n"\n'))).toBe(1);
  });

  it('keeps its state across chunk boundaries, even between doubled quotes', () => {
    const counter = new CsvRecordCounter();
    const text = 'x;"a ""q"" \n b"\ny;"c"\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const fresh = new CsvRecordCounter();
      fresh.push(bytes(text.slice(0, cut)));
      expect(fresh.push(bytes(text.slice(cut)))).toBe(2);
    }
    expect(counter.push(bytes(text))).toBe(2);
    expect(counter.records).toBe(2);
  });
});
