// The text the lexer and splitter read: a string, or the UTF-8 bytes of a large file.
// Every character PostgreSQL's syntax cares about is ASCII, and every byte of a
// multi-byte UTF-8 character is ≥ 0x80 (read as part of a word, as its character
// would be), so scanning the bytes finds the same statements as scanning the string.
// A 50 MB revision then stays 50 MB of bytes, instead of bytes plus a decoded copy.

/** What the scanner needs of its input; a string has all of it. */
export interface SqlText {
  readonly length: number;
  charCodeAt(index: number): number;
  indexOf(search: string, from?: number): number;
  /** The characters from `start` to `end`, decoded. */
  slice(start: number, end?: number): string;
}

/** UTF-8 bytes read as SqlText: offsets are byte offsets, slices decode one statement at a time. */
export class Utf8Text implements SqlText {
  readonly #bytes: Buffer;

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  get length(): number {
    return this.#bytes.length;
  }

  /** The bytes themselves (no copy). */
  get bytes(): Buffer {
    return this.#bytes;
  }

  charCodeAt(index: number): number {
    const byte = this.#bytes[index];
    return byte === undefined ? Number.NaN : byte;
  }

  indexOf(search: string, from = 0): number {
    return this.#bytes.indexOf(search, from, "utf8");
  }

  slice(start: number, end = this.#bytes.length): string {
    return this.#bytes.toString("utf8", start, end);
  }

  /** The bytes from `start` to `end` as another Utf8Text (a view, no copy). */
  sub(start: number, end: number): Utf8Text {
    return new Utf8Text(this.#bytes.subarray(start, end));
  }
}
