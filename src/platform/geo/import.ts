import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { parse, type CsvError } from 'csv-parse';
import type { Services } from '../services.ts';
import { GazetteerFileError, readHeader, readRow, type ColumnIndex } from './import-columns.ts';
import { StreetCollector } from './import-streets.ts';
import { BATCH_SIZE, saveAddresses, saveStreets, type AddressRecord } from './store.ts';

export { GazetteerFileError } from './import-columns.ts';

export interface ImportReport {
  imported: number;
  rejected: number;
  /** Streets derived from the addresses' USRNs and street descriptions. */
  streets: number;
  /** FILE.errors.csv beside the input: line, UPRN, reason for each rejected row. */
  errorReport?: string;
}

type Progress = (label: string, done: number, total: number) => void;

/**
 * Loads a gazetteer CSV (columns: see import-columns.ts and docs/gazetteer-import.md). The file is
 * streamed; each row is checked on its own, so a bad row is reported and skipped, never fatal. Good
 * rows are upserted in batches, all in one transaction, so readers never see half an import.
 */
export async function importGazetteer(services: Services, file: string, progress: Progress): Promise<ImportReport> {
  const size = await fileSize(file);
  const errorPath = errorReportPath(file);
  await rm(errorPath, { force: true });
  const errors = new ErrorReport(errorPath);
  const input = createReadStream(file);
  const parser = input.pipe(
    parse({
      bom: true,
      raw: true,
      info: true,
      relax_column_count: true,
      // A stray quote inside a field is kept as text rather than breaking the rows after it.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        const line = typeof error?.lines === 'number' ? error.lines : 0;
        errors.add(line, '', notCsvReason(error));
        return undefined;
      },
    }),
  );
  // pipe() does not pass a read error on; without this the loop below would wait for ever.
  input.on('error', (error) => parser.destroy(error));

  const streets = new StreetCollector();
  const seen = new Map<number, number>();
  let imported = 0;
  let index: ColumnIndex | undefined;
  try {
    await services.db.transaction().execute(async (tx) => {
      let batch: AddressRecord[] = [];
      const flush = async () => {
        await saveAddresses(tx, batch, 'import');
        imported += batch.length;
        batch = [];
        progress('Importing addresses', input.bytesRead, size);
      };
      for await (const chunk of parser) {
        const parsed = parsedRow(chunk);
        if (!parsed) continue;
        const { record, line } = parsed;
        if (!index) {
          index = readHeader(record);
          continue;
        }
        const row = readRow(index, record);
        if (!row.ok) {
          errors.add(line, row.uprn, row.problems.join('; '));
          continue;
        }
        const { address } = row;
        const firstLine = seen.get(address.uprn);
        if (firstLine !== undefined) {
          errors.add(line, String(address.uprn), `UPRN is repeated (first seen on line ${firstLine})`);
          continue;
        }
        seen.set(address.uprn, line);
        const wardCode = services.geography.wardAt(address.lon, address.lat)?.code ?? null;
        const [line1 = '', line2 = null, line3 = null] = address.lines;
        batch.push({
          uprn: address.uprn,
          usrn: address.usrn,
          line1,
          line2,
          line3,
          town: address.town,
          postcode: address.postcode,
          lon: address.lon,
          lat: address.lat,
          wardCode,
          lsoaCode: services.geography.lsoaAt(address.lon, address.lat)?.code ?? null,
        });
        if (address.usrn !== null && address.street) {
          streets.add(address.usrn, { ...address.street, town: address.town, wardCode }, [address.lon, address.lat]);
        }
        if (batch.length >= BATCH_SIZE) await flush();
      }
      if (!index) throw new GazetteerFileError(`${file} is empty: it needs a header row and at least one address`);
      await flush();
      const derived = [...streets.records()];
      await saveStreets(tx, derived, 'import', (done) => progress('Deriving streets', done, derived.length));
    });
  } finally {
    input.destroy();
    await errors.close();
  }
  return { imported, rejected: errors.count, streets: streets.size, errorReport: errors.count > 0 ? errorPath : undefined };
}

function notCsvReason(error: CsvError | undefined): string {
  if (error?.code === 'CSV_QUOTE_NOT_CLOSED') return 'A quote (") in this row is never closed, so the rest of the file could not be read';
  return `The row is not valid CSV${error ? ` (${error.code})` : ''}`;
}

/** "addresses.csv" → "addresses.errors.csv", beside it. */
export function errorReportPath(file: string): string {
  return /\.csv$/i.test(file) ? file.replace(/\.csv$/i, '.errors.csv') : `${file}.errors.csv`;
}

async function fileSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new GazetteerFileError(`${file} is not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof GazetteerFileError) throw error;
    throw new GazetteerFileError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A record from csv-parse (with `info` and `raw`) and the line it starts on. */
function parsedRow(chunk: unknown): { record: string[]; line: number } | null {
  if (typeof chunk !== 'object' || chunk === null || !('record' in chunk) || !('info' in chunk)) return null;
  const { record, info } = chunk;
  if (!Array.isArray(record) || !record.every((v) => typeof v === 'string')) return null;
  const endLine = typeof info === 'object' && info !== null && 'lines' in info && typeof info.lines === 'number' ? info.lines : 0;
  // csv-parse counts lines to a record's end; a quoted field with line breaks starts earlier.
  const raw = 'raw' in chunk && typeof chunk.raw === 'string' ? chunk.raw : '';
  const breaks = raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0;
  return { record, line: endLine - breaks };
}

/** The row-level error report, opened only when the first bad row turns up. */
class ErrorReport {
  private out: WriteStream | undefined;
  count = 0;

  constructor(private readonly path: string) {}

  add(line: number, uprn: string, reason: string): void {
    if (!this.out) {
      this.out = createWriteStream(this.path);
      this.out.write('line,uprn,reason\n');
    }
    this.count++;
    this.out.write(`${line},${csvField(uprn)},${csvField(reason)}\n`);
  }

  async close(): Promise<void> {
    if (!this.out) return;
    this.out.end();
    await once(this.out, 'finish');
  }
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
