// Seeded rev-spec arguments for the fuzz test: what a user types (ids, prefixes, `head`,
// `label@head`, walks, ranges) mixed with what a user should never type but might (huge
// counts, unicode, control characters, very long strings, leading dashes, garbage).
// Built from the graph's own ids and labels, so most arguments are near a real answer.

export interface SpecVocabulary {
  readonly ids: readonly string[];
  readonly labels: readonly string[];
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const SYMBOLS = ["head", "heads", "base", "current", "HEAD", "Head", "bases", "heads+", "head~1", "head^"];

const COUNTS = ["0", "1", "2", "3", "5", "13", "00", "007", "999999", "2147483648", "4294967297", "9007199254740993", "9".repeat(40), "1".repeat(400)];

// Characters that mean something to a shell, to clipanion, to a regex, to SQL or to a terminal.
const ODD = [..."@:+-_.,;/\\'\"`$#%&*()[]{}<>|!?=~^ \t\n\r\u001b\u007f", "\u0085", "\u00a0", "\u2028", "\u2029", "\u200b", "\ufeff"];

const UNICODE = ["é", "ü", "ß", "ø", "日本", "пример", "עברית", "\u202e", "e\u0301", "🚀", "👨‍👩‍👧", "𝔘", "\ud83d", "\udc00", "０００１", "٠٠٠١"];

function hex(random: Random, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += "0123456789abcdef"[Math.floor(random() * 16)];
  return out;
}

function garbage(random: Random, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    const r = random();
    if (r < 0.45) out += String.fromCharCode(33 + Math.floor(random() * 94));
    else if (r < 0.7) out += pick(random, ODD);
    else if (r < 0.85) out += pick(random, UNICODE);
    else out += hex(random, 1);
  }
  return out;
}

/** Generates argument after argument for one seed; the same seed gives the same list. */
export class RevSpecGenerator {
  constructor(
    private readonly random: Random,
    private readonly vocabulary: SpecVocabulary,
  ) {}

  private id(): string {
    return pick(this.random, this.vocabulary.ids);
  }

  private label(): string {
    return pick(this.random, this.vocabulary.labels);
  }

  /** A prefix of a real id (often ambiguous, sometimes shorter than four characters). */
  private prefix(): string {
    const id = this.id();
    return id.slice(0, 1 + Math.floor(this.random() * id.length));
  }

  private count(): string {
    return pick(this.random, COUNTS);
  }

  /** Something that names revisions without a walk or a range. */
  private absolute(): string {
    const r = this.random();
    if (r < 0.2) return this.id();
    if (r < 0.35) return this.prefix();
    if (r < 0.45) return pick(this.random, SYMBOLS.slice(0, 4));
    if (r < 0.5) return pick(this.random, SYMBOLS);
    if (r < 0.55) return hex(this.random, 4 + Math.floor(this.random() * 4));
    if (r < 0.6) return this.id().toUpperCase();
    if (r < 0.65) return this.label();
    return this.branched();
  }

  /** `x@y`: a label, id, prefix or unknown name before the `@`; head, heads, base, an id, a prefix or nothing after. */
  private branched(): string {
    const before = pick(this.random, [this.label(), this.label(), this.id(), this.prefix(), "nosuchlabel", "", "@", this.label().toUpperCase()]);
    const after = pick(this.random, ["head", "head", "heads", "base", this.id(), this.prefix(), "", "@", this.label(), "current", `${this.label()}@head`]);
    return `${before}@${after}`;
  }

  /** `sym+n`, `sym-n`, `+n`, `-n`, `label@head-n`, `label@+n`. */
  private walk(): string {
    const sign = this.random() < 0.5 ? "+" : "-";
    const from = pick(this.random, [
      "",
      "",
      this.id(),
      this.prefix(),
      "head",
      "heads",
      "base",
      `${this.label()}@head`,
      `${this.label()}@base`,
      `${this.label()}@`,
      `${this.id()}@head`,
    ]);
    const steps = `${sign}${this.count()}`;
    const extra = this.random() < 0.1 ? pick(this.random, ["x", "+1", "-1", " ", "0"]) : "";
    return `${from}${steps}${extra}`;
  }

  /** `a:b` with either side empty, equal, reversed or anything above. */
  private range(): string {
    const side = (): string => {
      const r = this.random();
      if (r < 0.2) return "";
      if (r < 0.7) return this.absolute();
      return this.walk();
    };
    const r = this.random();
    if (r < 0.1) {
      const same = this.absolute();
      return `${same}:${same}`;
    }
    if (r < 0.15) return pick(this.random, [":", "::", ":::", ": ", " : "]);
    if (r < 0.2) return `${side()}:${side()}:${side()}`;
    return `${side()}:${side()}`;
  }

  /** What a user should not type: garbage, unicode, control characters, long strings, dashes. */
  private odd(): string {
    const r = this.random();
    if (r < 0.25) return garbage(this.random, 1 + Math.floor(this.random() * 12));
    if (r < 0.35) return pick(this.random, UNICODE) + pick(this.random, ["", this.id(), "@head", ":head"]);
    if (r < 0.45) {
      // The kernel takes at most 128 KiB in one argument: longer ones never reach a command.
      const bytes = pick(this.random, [81, 300, 5_000, 100_000, 131_000]);
      const unit = pick(this.random, ["0", "a", "é", "🚀", "0001:", "a@", "-1", this.id()]);
      return unit.repeat(Math.floor(bytes / Buffer.byteLength(unit)));
    }
    if (r < 0.6)
      return pick(this.random, ["-", "--", "---", "-x", "-h", "--help", "--sql", "-r", "--url", "-0", "--1", "-1x", "- 1", "-head", "--head", "-@", "-:"]);
    if (r < 0.75) {
      const pad = (): string => pick(this.random, ["", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u200b"]);
      return `${pad()}${this.any()}${pad()}`;
    }
    if (r < 0.85)
      return pick(this.random, [
        "",
        " ",
        "\t",
        "\n",
        "@",
        "@@",
        "+",
        "-",
        ":",
        "+-1",
        "-+1",
        "++1",
        "--1",
        "1-",
        "1+",
        "+0",
        "-0",
        "head-",
        "head+",
        "1e3",
        "0x10",
        "+1.5",
        "-1e9",
        "Infinity",
        "NaN",
        "null",
        "undefined",
        "constructor",
        "__proto__",
        "toString",
        "hasOwnProperty",
      ]);
    // A real spec with one character changed, added or removed.
    const base = this.any();
    const at = Math.floor(this.random() * (base.length + 1));
    const change = this.random();
    if (change < 0.4) return base.slice(0, at) + garbage(this.random, 1) + base.slice(at);
    if (change < 0.7) return base.slice(0, at) + base.slice(at + 1);
    return base + base;
  }

  /** A spec that is not `odd`. */
  private any(): string {
    const r = this.random();
    if (r < 0.45) return this.absolute();
    if (r < 0.75) return this.walk();
    return this.range();
  }

  next(): string {
    return this.random() < 0.25 ? this.odd() : this.any();
  }
}
