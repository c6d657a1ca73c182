// The metadata reader tokenizes as JavaScript does: which line terminators end a `//`
// comment, when a `/` starts a regular expression, what a template's `${}` holds, CR and
// CRLF files, a BOM. Each case is read both ways (the quick header reader and the
// tokenizer) where both apply, and must give the same value and line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AthanorError } from "../../src/errors.js";
import { readRevisionFile } from "../../src/scripts/read-revision-file.js";
import { readTsMetadata, readWithLexer } from "../../src/scripts/read-ts-metadata.js";

const FILE = "versions/x.ts";

type Fields = Record<string, { value: unknown; line: number } | undefined>;

/** The metadata both readers give (they must agree). */
function read(text: string): Fields {
  const quick = readTsMetadata(text, FILE) as Fields;
  const lexer = readWithLexer(text, FILE) as Fields;
  assert.deepEqual(quick, lexer, "the quick reader and the tokenizer disagree");
  return quick;
}

function refuses(text: string, pattern: RegExp): void {
  assert.throws(
    () => readTsMetadata(text, FILE),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError, String(error));
      assert.equal(error.code, "INVALID_REVISION_FILE");
      assert.match(error.message, pattern);
      return true;
    },
  );
}

for (const [name, terminator] of [
  ["LF", "\n"],
  ["CR", "\r"],
  ["CRLF", "\r\n"],
  ["U+2028", "\u2028"],
  ["U+2029", "\u2029"],
] as const) {
  test(`a // comment ends at ${name}: the declaration after it is read, on the next line`, () => {
    const fields = read(`export const revision = "0002";\n// a note${terminator}export const downRevision = "0001";\n`);
    assert.deepEqual(fields.downRevision, { value: "0001", line: 3 });
    assert.equal(read(`// a note${terminator}export const revision = "0002";`).revision?.line, 2);
  });

  test(`${name} counts as one line in comments, strings and templates`, () => {
    const fields = read(`/* a${terminator}b */ const t = \`x${terminator}y\`;${terminator}export const revision = "0002";`);
    assert.equal(fields.revision?.line, 4);
  });
}

test("U+2028 and U+2029 may stand inside a string, as in JavaScript", () => {
  const fields = read(`export const message = "a\u2028b\u2029c";\nexport const revision = "0002";\n`);
  assert.equal(fields.message?.value, "a\u2028b\u2029c");
  assert.equal(fields.revision?.line, 4);
});

test("a line continuation ended by any line terminator is no part of the value", () => {
  for (const terminator of ["\n", "\r", "\r\n", "\u2028", "\u2029"]) {
    assert.equal(read(`export const message = "a\\${terminator}b";`).message?.value, "ab");
    assert.equal(read(`export const message = \`a\\${terminator}b\`;`).message?.value, "ab");
  }
});

test("a template reads CR and CRLF as LF, as JavaScript does", () => {
  assert.equal(read("export const message = `a\rb\r\nc`;").message?.value, "a\nb\nc");
});

test("CR-only and CRLF files are read with their lines", () => {
  for (const eol of ["\r", "\r\n"]) {
    const text = [
      'import type { Operations } from "athanor";',
      "",
      'export const revision = "0002";',
      "export const downRevision = null; // base",
      'export const message = "m";',
      "",
    ].join(eol);
    const fields = read(text);
    assert.deepEqual(fields.revision, { value: "0002", line: 3 });
    assert.deepEqual(fields.downRevision, { value: null, line: 4 });
    assert.deepEqual(fields.message, { value: "m", line: 5 });
  }
});

test("a file starting with a BOM is read, with its lines", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-bom-"));
  try {
    const file = path.join(dir, "20260101_0002_x.ts");
    writeFileSync(file, '\ufeffexport const revision = "0002";\r\nexport const downRevision = "0001";\r\n');
    const source = readRevisionFile(file, "versions/20260101_0002_x.ts");
    assert.equal(source.revision, "0002");
    assert.deepEqual(source.downRevisions, ["0001"]);
    assert.deepEqual(source.lines, { revision: 1, downRevision: 2 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Each `/` below is a regular expression: if the reader took it for a division, the `"`
// in it would open a string that swallows the declaration after it.
const REGEX_AFTER = [
  ["`)` of an if", `if (a) /"/.test(s);`],
  ["`)` of a while", `while (!a) /"/g;`],
  ["`)` of a for", `for (let i = 0; i < 0; i++) /"/;`],
  ["`}` of a block", `{ a; }\n/"/.test(s);`],
  ["`}` of a function declaration", `function g() { return 1 }\n/"/.test(s);`],
  ["return", `function h() { return /"/.test(s) }`],
  ["typeof and void", `q = typeof /"/; q = void /"/;`],
  ["`(` `,` `=` `:` `?`", `q = [(/"/), /"/]; q = { k: /"/ }; q = a ? /"/ : /"/;`],
  ["`${` in a template", 'q = `${/"/.source}`;'],
] as const;
for (const [where, code] of REGEX_AFTER) {
  test(`a / after ${where} starts a regular expression`, () => {
    assert.deepEqual(read(`${code}\nexport const revision = "0002";\n`).revision, { value: "0002", line: code.split("\n").length + 1 });
  });
}

// Each `/` below divides: if the reader took it for a regular expression, the `"/"`
// after it would close the regex, and the `"` left would swallow the declaration.
const DIVISION_AFTER = [
  ["`)` of an expression", `q = (a) /"/"/ b;`],
  ["`}` of an object literal", `q = {} /"/"/ 2;`],
  ["`}` of a function expression", `q = function () {} /"/"/ 2;`],
  ["`]`", `q = [a] /"/"/ 2;`],
  ["a name", `q = a /"/"/ b;`],
  ["a name at the end of a line", `q = a\n/"/"/ b;`],
  ["this", `q = this /"/"/ 1;`],
  ["a postfix ++", `c++ /"/"/ 2;`],
  ["a number and a string", `q = 1 /"/"/ "x";`],
  ["a template", 'q = `t` /"/"/ 2;'],
  ["a property named like a keyword", `q = o.return /"/"/ 2;`],
] as const;
for (const [where, code] of DIVISION_AFTER) {
  test(`a / after ${where} divides`, () => {
    assert.deepEqual(read(`${code}\nexport const revision = "0002";\n`).revision, { value: "0002", line: code.split("\n").length + 1 });
  });
}

test("after an arrow function's body a / on the next line starts a regular expression (ASI); on its line it is refused", () => {
  assert.deepEqual(read(`const f = () => {}\n/"/.test(s);\nexport const revision = "0002";\n`).revision, { value: "0002", line: 3 });
  assert.deepEqual(read(`const f = () => {}\nfunction g() {}\n/"/.test(s);\nexport const revision = "0002";\n`).revision, { value: "0002", line: 4 });
  refuses(`export const revision = "0002";\nconst f = () => {} /"/.test(s);\nexport const downRevision = "0001";\n`, /^versions\/x\.ts:2: a `\/`/);
});

test("a / after `of`, a keyword or a name depending on where it stands, is refused naming the line", () => {
  refuses(
    `export const revision = "0002";\nfor (const x of /"/.exec(s) ?? []) {}\nexport const downRevision = "0001";\n`,
    /^versions\/x\.ts:2: a `\/` that could start a regular expression or divide/,
  );
});

test("after an arrow function's body a line break ends the export const statement", () => {
  const fields = read('let revision = "";\nexport const f = () => {}\n(s), revision = "x";\n');
  assert.equal(fields.revision, undefined);
  assert.deepEqual(read('export const f = () => {},\n  revision = "x";\n').revision, { value: "x", line: 2 });
});

test("templates with ${} holding braces, slashes, strings and templates", () => {
  const text = [
    'const t = `${ { a: "}" }.a }${ a / 2 }${ /}`/.source }${ `${"}"}` } // ${ "/*" }`;',
    "const u = `${ function () { return `}` }() }`; /* `${ */",
    'export const revision = "0002";',
    "export const message = `no ${'substitution'} here`;",
  ].join("\n");
  assert.deepEqual(read(text.split("\n").slice(0, 3).join("\n")).revision, { value: "0002", line: 3 });
  refuses(text, /:4: message must be a literal value .* a template string with \$\{…\}/);
});

test("a value that a line break does not end is refused, not read short", () => {
  refuses('export const revision = "0002"\n("x");\n', /:2: revision must be a literal value .*found `\(` after the value/);
  refuses('export const revision = "0002"\n`x`;\n', /:2: revision must be a literal value .*found a template string after the value/);
  refuses('export const revision = "0002"\nin o;\n', /:2: revision must be a literal value .*found `in` after the value/);
});

test("a declarator after a statement ended by a line break is not an export", () => {
  const fields = read('let revision = "";\nexport const a = 1\nfoo(), revision = "x";\nfunction foo() {}\n');
  assert.equal(fields.revision, undefined);
  assert.deepEqual(read('export const a = 1,\n  revision = "x";\n').revision, { value: "x", line: 2 });
});
