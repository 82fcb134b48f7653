export { type CsvParseOptions, CsvParser, type CsvRow, CsvSyntaxError, parseCsv } from './csv.parse.js';
export { CsvWriter, closeStream, csvField, csvLine, writeCsv, writeText } from './csv.write.js';
