import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Test seams between the steps of an atomic write: a crash test kills the process in one of them. */
export interface AtomicWriteHooks {
  /** After the temporary file is written and fsynced, before it replaces the target. */
  afterTempWritten?(tempPath: string): void;
}

/**
 * Replaces `path` with `text` so that a crash at any moment leaves either the old file or the new one, never a
 * half-written one: write a temporary file in the same directory (rename is atomic only within a file system),
 * fsync it, rename it over the target, then fsync the directory so the rename itself survives a power cut.
 */
export function writeFileAtomic(path: string, text: string, hooks: AtomicWriteHooks = {}): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    const data = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  hooks.afterTempWritten?.(temp);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Temporary files a crashed writer left next to `path`: they never replaced it, so they are only litter. */
export function removeStaleTempFiles(path: string): string[] {
  const prefix = `.${basename(path)}.`;
  const dir = dirname(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stale = names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  for (const name of stale) rmSync(join(dir, name), { force: true });
  return stale;
}

/** The file's text, or undefined when it does not exist yet. */
export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Saves one after another, never two at once, and coalesces: a save asked for while one is running writes the
 * latest state once when that one ends. Each caller's promise resolves when a write that includes its change is on disk.
 */
export function createSerialSaver(write: () => void): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const run = (): Promise<void> => {
    running = new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        try {
          write();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    }).finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return run();
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return run();
      });
    return queued;
  };
}
