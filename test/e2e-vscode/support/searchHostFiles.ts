import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { uncompress } from 'snappyjs';

// What a canary search must read to be believed: code-server keeps the workbench's state (webview state, an
// extension's globalState) in the browser's IndexedDB, which Chromium stores as LevelDB. LevelDB's write-ahead log
// cuts records into 32 KiB blocks with a 7-byte header between the pieces, and its tables are made of blocks that
// may be Snappy-compressed (https://github.com/google/leveldb/blob/main/doc/log_format.md, table_format.md): a
// secret could sit across a block boundary or inside a compressed block and a byte search of the file would miss it.
// So LevelDB logs are also searched as their reassembled records, and tables as their decompressed blocks.

/** The forms a secret is searched in: as typed, base64 (at each of the 3 alignments in a longer text), hex, UTF-16. */
export function secretForms(value: string): Buffer[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = [
    bytes,
    Buffer.from(value, 'utf16le'),
    Buffer.from(value, 'utf16le').swap16(),
    Buffer.from(bytes.toString('hex')),
    Buffer.from(bytes.toString('hex').toUpperCase()),
    Buffer.from(encodeURIComponent(value)),
  ];
  for (let shift = 0; shift < 3; shift++) {
    // base64 of the value after `shift` unknown bytes: the characters that depend only on the value itself.
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const start = Math.ceil((shift * 4) / 3);
    const end = Math.floor(((shift + bytes.length) * 4) / 3);
    const core = encoded.slice(start, end);
    if (core.length >= 8) forms.push(Buffer.from(core), Buffer.from(core.replace(/\+/g, '-').replace(/\//g, '_')));
  }
  return forms.filter((form, i) => forms.findIndex((other) => other.equals(form)) === i);
}

/** A LevelDB log's records, their fragments joined. */
export function leveldbLogRecords(file: Buffer): Buffer[] {
  const BLOCK = 32 * 1024;
  const records: Buffer[] = [];
  let pieces: Buffer[] = [];
  for (let block = 0; block < file.length; block += BLOCK) {
    const end = Math.min(block + BLOCK, file.length);
    for (let at = block; at + 7 <= end;) {
      const length = file.readUInt16LE(at + 4);
      const type = file[at + 6]!;
      if (type === 0 && length === 0) break; // zero padding to the block's end
      const data = file.subarray(at + 7, Math.min(at + 7 + length, end));
      at += 7 + length;
      if (type === 1) records.push(data);
      else if (type === 2) pieces = [data];
      else if (type === 3) pieces.push(data);
      else if (type === 4) records.push(Buffer.concat([...pieces, data]));
    }
  }
  return records;
}

function readVarint(bytes: Buffer, at: number): [number, number] {
  let value = 0;
  for (let shift = 0, i = at; i < bytes.length && shift <= 49; shift += 7, i++) {
    value += (bytes[i]! & 0x7f) * 2 ** shift;
    if (bytes[i]! < 0x80) return [value, i + 1];
  }
  throw new Error('bad varint');
}

/** Snappy's block format, by snappyjs (a pure-JS port of Google's Snappy); undefined if not Snappy. */
export function snappyDecompress(input: Buffer): Buffer | undefined {
  try {
    return Buffer.from(uncompress(input));
  } catch {
    return undefined;
  }
}

/** A LevelDB table's blocks, uncompressed: footer → index block → every data block. */
export function leveldbTableBlocks(file: Buffer): Buffer[] {
  const block = (offset: number, size: number): Buffer => {
    const raw = file.subarray(offset, offset + size);
    const type = file[offset + size];
    return type === 1 ? (snappyDecompress(raw) ?? raw) : raw;
  };
  try {
    if (file.length < 48 || file.readUInt32LE(file.length - 8) !== 0x8b80fb57 || file.readUInt32LE(file.length - 4) !== 0xdb477524) return [];
    const footer = file.subarray(file.length - 48);
    let at = 0;
    [, at] = readVarint(footer, at);
    [, at] = readVarint(footer, at);
    const [indexOffset, next] = readVarint(footer, at);
    const [indexSize] = readVarint(footer, next);
    const index = block(indexOffset, indexSize);
    const restarts = index.readUInt32LE(index.length - 4);
    const entriesEnd = index.length - 4 - restarts * 4;
    const blocks = [index];
    for (let p = 0; p < entriesEnd;) {
      let shared: number, unshared: number, valueLength: number;
      [shared, p] = readVarint(index, p);
      [unshared, p] = readVarint(index, p);
      [valueLength, p] = readVarint(index, p);
      void shared;
      p += unshared;
      const [offset, q] = readVarint(index, p);
      const [size] = readVarint(index, q);
      p += valueLength;
      blocks.push(block(offset, size));
    }
    return blocks;
  } catch {
    return [];
  }
}

export interface SearchFigures {
  readonly files: number;
  readonly bytes: number;
  /** label → the files (relative to their root) holding it in any form. */
  readonly hits: ReadonlyMap<string, readonly string[]>;
}

/** Every regular file under the roots (symlinks not followed), searched for each needle in each of its forms. */
export function searchHostFiles(roots: readonly string[], needles: ReadonlyMap<string, string>): SearchFigures {
  const forms = new Map([...needles].map(([label, value]) => [label, secretForms(value)] as const));
  const hits = new Map([...needles.keys()].map((label) => [label, [] as string[]]));
  let files = 0;
  let bytes = 0;
  const visit = (root: string, path: string): void => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(root, join(path, name));
      return;
    }
    if (!stat.isFile()) return;
    let content: Buffer;
    try {
      content = readFileSync(path);
    } catch {
      return; // a lock file held by the browser
    }
    files++;
    bytes += content.length;
    const views = [content];
    const name = basename(path);
    if (name.endsWith('.log') && existsSync(join(dirname(path), 'CURRENT'))) views.push(...leveldbLogRecords(content));
    if (name.endsWith('.ldb') || name.endsWith('.sst')) views.push(...leveldbTableBlocks(content));
    for (const [label, variants] of forms) {
      if (views.some((view) => variants.some((form) => view.includes(form)))) hits.get(label)!.push(path.slice(root.length + 1));
    }
  };
  for (const root of roots) visit(root, root);
  return { files, bytes, hits };
}
