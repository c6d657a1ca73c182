import assert from "node:assert/strict";
import { test } from "node:test";
import { readPlainHeader } from "../../src/scripts/read-ts-header.js";
import { readTsMetadata, readWithLexer } from "../../src/scripts/read-ts-metadata.js";
import { METADATA_NAMES } from "../../src/scripts/revision-metadata.js";
import { readFileSync } from "node:fs";
import { renderTemplate } from "../../src/scripts/render-template.js";

// Lines a revision header may hold: plain ones, and ones only the tokenizer may read.
const LINES = [
  'import type { Operations } from "athanor";',
  "import { sql, type Operations } from 'athanor';",
  'import fs from "node:fs"',
  '// a comment with "quotes", `ticks` and export const revision = "fake";',
  "/* a block comment */",
  "",
  "   ",
  'export const revision = "0001";',
  'export const revision: string = "0002";',
  'export const revision = "0003"; // trailing comment',
  'export const revision: string // comment = "x";',
  "export const downRevision: string | string[] | null = null;",
  'export const downRevision = ["a1", "b2"];',
  "export const downRevision = [ 'a1' , \"b2\", ];",
  "export const downRevision = [];",
  'export const downRevision = "a1" as const;',
  "export const branchLabels: string[] = [];",
  'export const branchLabels = ["feature_x"];',
  'export const dependsOn: Array<string> = ["0001"];',
  'export const message = "a message long enough to be kept as a slice";',
  "export const message = 'single quoted';",
  'export const message = "with \\"escapes\\"";',
  "export const message = `a template`;",
  'export const message = "a" + "b";',
  'export const message = "no semicolon"',
  'export const createDate = "2026-11-25 10:00:00";',
  "export const transactional = false;",
  "export const transactional = true ;",
  '\texport const message = "tab first";',
  'export const message = "crlf";\r',
  '// a comment ended by CR\rexport const revision = "cr";',
  '// a comment ended by U+2028\u2028export const message = "ls";',
  "// a comment ended by U+2029\u2029export const downRevision = null;",
  'export const message = "a\u2028b";',
  'export const message = "cr only";\rexport const createDate = "2026-11-25 10:00:00";',
  'export const statementTimeout = "5min";',
  "export const lockTimeout = 2000;",
  'export let message = "let";',
  "export const other = 1;",
  "const x = `template ${1}`;",
  "export async function upgrade(op: Operations): Promise<void> {",
  '  await op.execute("UPDATE t SET message = 1");',
  "}",
  'export const message = "unterminated',
  "export const revision = 'dup';",
];

function* headers(count: number): Generator<string> {
  let seed = 12345;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < count; i++) {
    const length = 1 + next(8);
    yield Array.from({ length }, () => LINES[next(LINES.length)]!).join("\n");
  }
}

function lexerAnswer(text: string): unknown {
  try {
    return readWithLexer(text, "f.ts");
  } catch (error) {
    return error;
  }
}

test("on every header the quick reader accepts, it gives exactly the tokenizer's answer", () => {
  let accepted = 0;
  for (const text of headers(5000)) {
    const lastMention = Math.max(...METADATA_NAMES.map((name) => text.lastIndexOf(name)));
    const quick = readPlainHeader(text, lastMention);
    if (quick === null) continue;
    accepted++;
    const expected = lexerAnswer(text);
    assert.ok(!(expected instanceof Error), `the tokenizer refuses what the quick reader took:\n${text}\n${String(expected)}`);
    assert.deepEqual(quick, expected, text);
  }
  assert.ok(accepted > 500, `the quick reader took ${accepted} of 5000 headers`);
});

test("a revision written from the template is read the quick way", () => {
  const templatePath = new URL("../../templates/revision.ts.tmpl", import.meta.url);
  const text = renderTemplate(
    readFileSync(templatePath, "utf8"),
    {
      imports: 'import type { Operations } from "athanor";',
      revision: '"0002"',
      downRevision: '"0001"',
      branchLabels: "[]",
      replaces: 'export const replaces: string[] = ["0001"];',
      dependsOn: "[]",
      message: '"add a table to hold the users of the application"',
      createDate: '"2026-11-25 10:00:00"',
      upgradeBody: 'await op.execute("CREATE TABLE users (id int)");',
      downgradeBody: 'await op.execute("DROP TABLE users");',
    },
    templatePath.pathname,
  );
  const lastMention = text.lastIndexOf("createDate");
  assert.notEqual(readPlainHeader(text, lastMention), null);
  assert.deepEqual(readTsMetadata(text, "f.ts"), readWithLexer(text, "f.ts"));
});
