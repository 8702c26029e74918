import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { leveldbLogRecords, searchHostFiles, secretForms, snappyDecompress } from './searchHostFiles.js';

const SECRET = 'made-up-canary-0123456789';

/** A LevelDB log holding one record cut into a FIRST and a LAST fragment at the 32 KiB block boundary. */
function splitLog(payload: Buffer): Buffer {
  const header = (length: number, type: number) => Buffer.from([0, 0, 0, 0, length & 0xff, length >> 8, type]);
  const firstLength = 32 * 1024 - 7;
  return Buffer.concat([header(firstLength, 2), payload.subarray(0, firstLength), header(payload.length - firstLength, 4), payload.subarray(firstLength)]);
}

describe('searchHostFiles', () => {
  it('finds a secret base64-encoded inside a longer text at each alignment, and hex and UTF-16', () => {
    const forms = secretForms(SECRET);
    for (const prefix of ['', 'x', 'xy'])
      assert.ok(
        forms.some((f) => Buffer.from(Buffer.from(`${prefix}${SECRET}tail`).toString('base64')).includes(f)),
        `after ${prefix.length} bytes`,
      );
    assert.ok(forms.some((f) => f.equals(Buffer.from(Buffer.from(SECRET).toString('hex')))));
    assert.ok(forms.some((f) => f.equals(Buffer.from(SECRET, 'utf16le'))));
  });

  it('joins a LevelDB log record cut at a block boundary, where a byte search of the file misses it', () => {
    const payload = Buffer.concat([Buffer.alloc(32 * 1024 - 7 - 10, 'a'), Buffer.from(SECRET), Buffer.alloc(100, 'b')]);
    const log = splitLog(payload);
    assert.ok(!log.includes(Buffer.from(SECRET)), 'the file itself does not hold it in one piece');
    assert.deepEqual(leveldbLogRecords(log), [payload]);
    const dir = mkdtempSync(join(tmpdir(), 'search-host-files-'));
    try {
      mkdirSync(join(dir, 'db'));
      writeFileSync(join(dir, 'db', 'CURRENT'), 'MANIFEST-000001\n');
      writeFileSync(join(dir, 'db', '000003.log'), log);
      writeFileSync(join(dir, 'other.txt'), 'nothing here');
      const figures = searchHostFiles(
        [dir],
        new Map([
          ['secret', SECRET],
          ['absent', 'never-written-value'],
        ]),
      );
      assert.equal(figures.files, 3);
      assert.deepEqual(figures.hits.get('secret'), ['db/000003.log']);
      assert.deepEqual(figures.hits.get('absent'), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('decompresses Snappy literals and copies, and refuses what is not Snappy', () => {
    // length 8; literal "abcd"; copy of 4 bytes from offset 4 (1-byte offset form).
    assert.equal(snappyDecompress(Buffer.from([8, 0x0c, 0x61, 0x62, 0x63, 0x64, 0x01, 0x04]))?.toString(), 'abcdabcd');
    assert.equal(snappyDecompress(Buffer.from([8, 0x01, 0x09])), undefined, 'a copy before any output');
  });
});
