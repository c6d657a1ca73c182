// The metadata reader against JavaScript itself: generated revision files mix comments
// ended by every line terminator, `/` after `)`, `}`, keywords and names (regex or
// division), templates with `${}` holding braces and slashes, strings holding U+2028,
// escapes, CR/CRLF/LF files and BOMs around the `revision`/`downRevision`/`message`
// declarations. Each file is loaded the way revisions are (typescript-loader.ts, tsx);
// the reader must give exactly what the module exports, or refuse naming file:line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AthanorError } from "../../src/errors.js";
import { readTextFile } from "../../src/scripts/read-revision-file.js";
import { readTsMetadata } from "../../src/scripts/read-ts-metadata.js";
import { loadModule } from "../../src/scripts/typescript-loader.js";
import { seededRandom } from "../helpers/seeded-random.js";

const FILES = 400;
const NAMES = ["revision", "downRevision", "message"] as const;
const TERMINATORS = ["\n", "\r", "\r\n", "\u2028", "\u2029"];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A string literal (and its value) with escapes JavaScript cooks. */
function literal(random: Random, i: number): string {
  const quote = pick(random, ['"', "'", "`"]);
  const parts = [
    `v${i}`,
    pick(random, ["", "\\x41", "\\u00e9", "\\u{1F600}", "\\n", "\\\\", "\\0", "/", "//", "/*", "}", "${", "\\" + pick(random, TERMINATORS)]),
  ];
  const body = parts.join("").replaceAll(quote === "`" ? "`" : quote, "\\" + quote);
  // `${` opens a substitution in a template only; escape it there.
  return quote + (quote === "`" ? body.replaceAll("${", "\\${") : body) + quote;
}

function value(random: Random, name: string, i: number): string {
  if (name === "downRevision") {
    const r = random();
    if (r < 0.2) return "null";
    if (r < 0.4) return `[${literal(random, i)}, "p${i}"]`;
  }
  return literal(random, i);
}

// Constructs that make a declaration real, hide it, or leave it alone, depending on how
// JavaScript tokenizes them. `D` is the declaration.
const AROUND: ((random: Random, d: string) => string)[] = [
  (r, d) => `// a note${pick(r, TERMINATORS)}${d}`,
  (r, d) => `/* a${pick(r, TERMINATORS)}b */ ${d}`,
  (_, d) => `/* ${d} */`,
  (r, d) => `const hidden${Math.floor(r() * 1e6)} = '${d.replaceAll("'", "\\'")}';`,
  (_, d) => `if (a) /"/.test(s);\n${d}`,
  (_, d) => `if (a) /'/.test(s);\n${d}`,
  (_, d) => `while (!a) /"/g;\n${d}`,
  (_, d) => `for (let i = 0; i < 0; i++) /"/;\n${d}`,
  (_, d) => `q = (a) / 2; w = "/";\n${d}`,
  (_, d) => `q = {} / 2; w = "/";\n${d}`,
  (_, d) => `q = function () {} / 2; w = "/";\n${d}`,
  (_, d) => `{ a; }\n/"/.test(s);\n${d}`,
  (r, d) => `function g${Math.floor(r() * 1e9)}() { return /"/.test(s) }\n/"/.test(s);\n${d}`,
  (_, d) => `q = a /"/"/ b;\n${d}`,
  (_, d) => `q = typeof /"/; q = void /'/;\n${d}`,
  (_, d) => `q = this /"/"/ 1;\n${d}`,
  (_, d) => `c++ /"/"/ 2;\n${d}`,
  (_, d) => `q = \`\${ { a: "}" }.a }\${ a / 2 }\${ /"/.source }\${ \`\${"}"}\` }\`;\n${d}`,
  (_, d) => `q = \`\${ "\`" }\${ '/*' } // \${ a }\`; ${d}`,
  (r, d) => `q = "a${pick(r, ["\u2028", "\u2029"])}b"; ${d}`,
  (r, d) => `q = 1 // ${d.slice(0, 12)}${pick(r, TERMINATORS)}${d}`,
  (r, d) => `const f${Math.floor(r() * 1e9)} = () => {}\n/"/.test(s);\n${d}`,
  (_, d) => `q = a\n/"/"/ b;\n${d}`,
  (_, d) => `q = 1, ${d.replace("export const ", "r = ")}`,
  (r, d) => `class K${Math.floor(r() * 1e9)} { m() { return /"/ } }\n/"/.test(s);\n${d}`,
  (_, d) => `q = class {} /"/"/ 2;\n${d}`,
  (_, d) => `switch (c) { case 1: /"/.test(s); default: }\n${d}`,
  (r, d) => `l${Math.floor(r() * 1e9)}: /"/.test(s);\n${d}`,
  (_, d) => `q = /[/"]/.test(s) ? /"/ : /'/;\n${d}`,
  (_, d) => `q = { m() { return 1 } }.m() /"/"/ 2;\n${d}`,
  (_, d) => `do /"/.test(s); while (false)\n${d}`,
  (_, d) => `q = (() => { return /"/ })();\n${d}`,
  (r, d) => d.replace("export const ", `export const z${Math.floor(r() * 1e9)} = 1,\n  `),
  (r, d) => d.replace("export const ", `export const z${Math.floor(r() * 1e9)} = (a) / 2, `),
  (_, d) => `for (const x of /"/.exec(s) ?? []) {}\n${d}`, // refused: the tokens cannot place this /
  (_, d) => d,
  (_, d) => d,
  (_, d) => d,
];

// A header of plain lines, the kind the quick header reader takes: imports, `//`
// comments (ended by any line terminator), `export const NAME = "literal";`.
function generateHeader(random: Random, i: number, eol: string): string[] {
  const lines = ['import type { Operations } from "athanor";'];
  for (const name of [...NAMES].sort(() => random() - 0.5)) {
    const declaration = `export const ${name} = ${pick(random, ['"', "'"])}h${i}${pick(random, ["", "/", " x"])}${pick(random, ['"', "'"])};`.replace(
      /(["'])(h[^"']*)["']/,
      "$1$2$1",
    );
    const r = random();
    if (r < 0.4) lines.push(`// a note${pick(random, TERMINATORS)}${declaration}`);
    else if (r < 0.55) lines.push(`// ${declaration}`);
    else lines.push(declaration);
    if (random() < 0.3) lines.push(`//${pick(random, ["", " x", ' "'])}`);
  }
  return lines.map((line) => line.replaceAll("\n", eol));
}

function generate(random: Random, i: number): string {
  const eol = pick(random, ["\n", "\r\n", "\r"]);
  if (random() < 0.3) {
    const lines = generateHeader(random, i, eol);
    lines.push("export async function upgrade(op: Operations): Promise<void> {}", "export async function downgrade(op: Operations): Promise<void> {}");
    return (random() < 0.2 ? "\ufeff" : "") + lines.join(eol) + eol;
  }
  const lines = ["let a = 4, b = 2, c = 1, q: unknown, w: unknown, r: unknown;", 'const s = "x";'];
  for (const name of [...NAMES].sort(() => random() - 0.5)) {
    const declaration = `export const ${name} = ${value(random, name, i)};`;
    lines.push(pick(random, AROUND)(random, declaration));
  }
  lines.push("export async function upgrade(): Promise<void> {}", "export async function downgrade(): Promise<void> {}");
  return (random() < 0.2 ? "\ufeff" : "") + lines.join(eol) + eol;
}

test(`on ${FILES} generated revision files the reader gives what the module exports, or refuses naming file:line`, async () => {
  const random = seededRandom(18_2028);
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-reader-vs-module-"));
  let read = 0;
  let refused = 0;
  let unloadable = 0;
  try {
    for (let i = 0; i < FILES; i++) {
      const file = path.join(dir, `f${i}.ts`);
      const text = generate(random, i);
      writeFileSync(file, text);
      let exported: Record<string, unknown>;
      try {
        exported = await loadModule(file);
      } catch {
        unloadable++;
        continue;
      }
      const shown = `versions/f${i}.ts`;
      let metadata: Record<string, { value: unknown } | undefined>;
      try {
        metadata = readTsMetadata(readTextFile(file, shown), shown) as typeof metadata;
      } catch (error) {
        assert.ok(error instanceof AthanorError, `file ${i}: not an AthanorError: ${String(error)}\n${JSON.stringify(text)}`);
        assert.match(error.message, new RegExp(`^versions/f${i}\\.ts:\\d+: `), `file ${i}`);
        refused++;
        continue;
      }
      for (const name of NAMES) {
        assert.deepEqual(metadata[name]?.value, exported[name], `file ${i}, ${name}:\n${JSON.stringify(text)}`);
      }
      read++;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The generator writes valid modules, and most of them the reader can read.
  assert.ok(unloadable < FILES / 20, `${unloadable} of ${FILES} generated files did not load`);
  assert.ok(read > FILES / 2, `only ${read} of ${FILES} read (${refused} refused)`);
});
