import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvParser, type CsvRow, CsvSyntaxError, parseCsv } from './csv.parse.js';
import { csvField, csvLine } from './csv.write.js';

/** Parses `text` fed in chunks of `size` characters (to cross every boundary). */
const parse = (text: string, size = text.length || 1): CsvRow[] => {
  const parser = new CsvParser();
  const rows: CsvRow[] = [];
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size), rows);
  parser.end(rows);
  return rows;
};

describe('CsvParser', () => {
  test('when a field is quoted, commas and doubled quotes inside it are kept as text', () => {
    expect(parse('a,"b,c","say ""hi"""\n')).toEqual([{ line: 1, fields: ['a', 'b,c', 'say "hi"'] }]);
  });

  test('when a quoted field holds line breaks, the next record gets its true line number', () => {
    const rows = parse('h1,h2\n"one\ntwo\nthree",x\nnext,y\n');
    expect(rows).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['one\ntwo\nthree', 'x'] },
      { line: 5, fields: ['next', 'y'] },
    ]);
  });

  test('when lines end in CRLF, no field keeps the carriage return', () => {
    expect(parse('a,b\r\n"c",d\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
  });

  test('when the text starts with a BOM, the first header has no BOM', () => {
    expect(parse('\uFEFF店铺,买家\n')[0]?.fields).toEqual(['店铺', '买家']);
  });

  test('when there are blank lines, they are skipped but still counted', () => {
    expect(parse('a\n\n\r\nb\n').map((row) => row.line)).toEqual([1, 4]);
  });

  test('when the last line has no line break, it is still a record', () => {
    expect(parse('a,b\nc,"d"')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
  });

  test('when a quote appears inside an unquoted field, it is kept literally', () => {
    expect(parse('5"5,x\n')[0]?.fields).toEqual(['5"5', 'x']);
  });

  test('when empty fields are quoted or not, both read as empty strings', () => {
    expect(parse('"",,x\n')[0]?.fields).toEqual(['', '', 'x']);
  });

  test('when the text arrives one character at a time, the records are the same', () => {
    const text = 'a,"b\r\nc","d""e"\r\n\r\nf,g\n';
    expect(parse(text, 1)).toEqual(parse(text));
  });

  test('when a quoted field is never closed, the error names the line it starts on', () => {
    expect(() => parse('a\nb,"never closed\nmore\n')).toThrowError(CsvSyntaxError);
    try {
      parse('a\nb,"never closed\nmore\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });

  test('when an unclosed quote would swallow the stream, the parser stops at the record limit', () => {
    const parser = new CsvParser({ maxRecordChars: 1000 });
    const rows: CsvRow[] = [];
    expect(() => {
      parser.push('"open', rows);
      for (let index = 0; index < 100; index++) parser.push('x'.repeat(100), rows);
    }).toThrowError(/longer than 1000/);
  });

  test('when the delimiter is a tab, commas are ordinary text', () => {
    const parser = new CsvParser({ delimiter: '\t' });
    const rows: CsvRow[] = [];
    parser.push('a,b\tc\n', rows);
    expect(rows[0]?.fields).toEqual(['a,b', 'c']);
  });
});

describe('parseCsv', () => {
  test('when given chunks, it yields the records in batches', async () => {
    const batches: CsvRow[][] = [];
    for await (const batch of parseCsv(['a,b\nc', ',d\n'])) batches.push(batch);
    expect(batches.flat().map((row) => row.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('csv writer', () => {
  test('when a field needs no quotes, it is written as is', () => {
    expect(csvField('你好 world')).toBe('你好 world');
    expect(csvLine(['a', 'b,c', 'q"'])).toBe('a,"b,c","q"""\n');
  });

  test('whatever the fields, the parser reads back exactly what the writer wrote', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', 'x', '\u00e9') });
    const row = fc.array(field, { minLength: 1, maxLength: 6 });
    // A row of one empty field is a blank line, which the parser skips by design.
    const rows = fc.array(
      row.filter((fields) => fields.length > 1 || fields[0] !== ''),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 7 }), (written, chunk) => {
        const text = written.map(csvLine).join('');
        expect(parse(text, chunk).map((parsed) => parsed.fields)).toEqual(written);
      }),
      { numRuns: 300 },
    );
  });
});
