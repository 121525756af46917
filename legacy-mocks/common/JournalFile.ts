import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * An append-only file of JSON lines, each made durable (fsync) before append() returns. It is a
 * stand-in's own database of the writes it accepted: read back in full at start, never rewritten.
 *
 * A crash while appending can leave the last line cut short. That write was never answered (the
 * answer waits for the fsync), so the cut line is dropped and the file truncated to the last whole
 * line before anything is appended. A line that does not parse anywhere else is not a crash but a
 * damaged file: opening refuses it, naming the line, rather than serving a history with a hole.
 */
export class JournalFile {
  readonly #fd: number;
  #closed = false;

  private constructor(fd: number) {
    this.#fd = fd;
  }

  /** Opens (creating it and its folder when missing) and reads back every whole line. */
  static open(file: string): { journal: JournalFile; lines: unknown[] } {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'a+');
    try {
      const text = readFileSync(file, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      if (end < text.length) {
        ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
        fsyncSync(fd);
      }
      const lines = text
        .slice(0, end)
        .split('\n')
        .slice(0, -1)
        .map((line, index) => {
          try {
            return JSON.parse(line) as unknown;
          } catch {
            throw new Error(`${file}:${index + 1}: not a JSON line; the write journal is damaged`);
          }
        });
      // A new file's name must be durable too, or a crash could lose the whole journal.
      if (text.length === 0) syncFolder(dirname(file));
      return { journal: new JournalFile(fd), lines };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Appends one record as a line and waits until it is on disk. */
  append(record: unknown): void {
    if (this.#closed) throw new Error('the write journal is closed');
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.#fd, bytes, written);
    fsyncSync(this.#fd);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }
}

function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a folder; the file itself is synced on every append.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
