import { test } from "node:test";
import assert from "node:assert/strict";
import { AthanorError } from "../../src/errors.js";
import { readTsMetadata } from "../../src/scripts/read-ts-metadata.js";
import { toRevisionSource } from "../../src/scripts/revision-metadata.js";
import type { RevisionSource } from "../../src/graph/revision-source.js";

const FILE = "versions/20251215_0002_x.ts";

function read(text: string): RevisionSource {
  return toRevisionSource(readTsMetadata(text, FILE), { path: FILE, format: "ts", sortKey: "20251215_0002_x.ts", spell: (f) => f });
}

function rejects(text: string, code: string, pattern: RegExp): AthanorError {
  let caught: unknown;
  try {
    read(text);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof AthanorError, `expected an AthanorError, got ${String(caught)}`);
  assert.equal(caught.code, code);
  assert.match(caught.message, pattern);
  return caught;
}

test("reads the DESIGN.md example file with every field and its line", () => {
  const source = read(`import type { Operations } from "athanor";

export const revision = "0002";
export const downRevision: string | string[] | null = "0001";  // null: a base; array: a merge
export const branchLabels: string[] = [];                      // optional
export const dependsOn: string[] = [];                         // optional
export const message = "add new_field to users";
export const createDate = "2025-12-15 10:00:00";

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn("users", { name: "new_field", type: "varchar(100)" });
}
export async function downgrade(op: Operations): Promise<void> {
  await op.dropColumn("users", "new_field");
}
`);
  assert.deepEqual(source, {
    revision: "0002",
    downRevisions: ["0001"],
    branchLabels: [],
    dependsOn: [],
    message: "add new_field to users",
    createDate: "2025-12-15 10:00:00",
    path: FILE,
    sortKey: "20251215_0002_x.ts",
    transactional: true,
    format: "ts",
    lines: { revision: 3, downRevision: 4, branchLabels: 5, dependsOn: 6 },
  });
});

const forms: Array<[string, string, Partial<RevisionSource>]> = [
  ["null downRevision is a base", `export const downRevision = null;`, { downRevisions: [] }],
  ["array downRevision is a merge", `export const downRevision = ["0003", "0004",];`, { downRevisions: ["0003", "0004"] }],
  ["single quotes", `export const downRevision = '0001';`, { downRevisions: ["0001"] }],
  ["template literal without substitutions", "export const downRevision = `0001`;", { downRevisions: ["0001"] }],
  ["as const after the literal", `export const downRevision = "0001" as const;`, { downRevisions: ["0001"] }],
  ["as a type after an empty array", `export const downRevision = null;\nexport const branchLabels = [] as string[];`, { branchLabels: [] }],
  ["satisfies after the literal", `export const downRevision = ["a1", "b2"] satisfies string[];`, { downRevisions: ["a1", "b2"] }],
  ["no semicolon (automatic semicolon insertion)", `export const downRevision = "0001"\nexport const message = 'm'\n`, { message: "m" }],
  ["a string branch label", `export const downRevision = null;\nexport const branchLabels = "feature_x";`, { branchLabels: ["feature_x"] }],
  ["a multi-line array with comments", `export const downRevision = [\n  "0003", // left\n  /* right */ "0004",\n];`, { downRevisions: ["0003", "0004"] }],
  ["transactional false", `export const downRevision = null;\nexport const transactional = false;`, { transactional: false }],
  ["escapes in the message", `export const downRevision = null;\nexport const message = "say \\"hi\\"\\n\\u00e9";`, { message: 'say "hi"\né' }],
  ["null message is empty", `export const downRevision = null;\nexport const message = null;`, { message: "" }],
  ["generic type annotation", `export const downRevision: Array<string> | null = null;`, { downRevisions: [] }],
  ["javascript without types", `export const downRevision = "0001"\nexport function upgrade(op) { return op.x(/"/g) }`, { downRevisions: ["0001"] }],
];
for (const [name, body, expected] of forms) {
  test(`metadata form: ${name}`, () => {
    const source = read(`export const revision = "0002";\n${body}\n`);
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(source[key as keyof RevisionSource], value, key);
  });
}

test("comments, strings and function bodies cannot fake or hide metadata", () => {
  const source = read(`// export const revision = "fake1";
/* export const downRevision = "fake2";
   export const message = "not me"; */
const note = "export const revision = 'fake3'";
const tpl = \`export const revision = \${"fake4"} \${ { a: "}" }.a }\`;
export const revision = "0002"; // export const revision = "fake5"
function inner() {
  const message = "inner";
  return { export: 1 };
}
const re = /export const message = "x"[}{]/;
export const downRevision = "0001";
if (note) { void (() => { /* } */ }); }
export const message = "real";
const s = '}'; const t = "{";
export const createDate = "2025-12-15 10:00:00";
export async function upgrade(op: { exec(sql: string): Promise<void> }): Promise<void> {
  const revision = "fake6";
  await op.exec(\`-- export const revision = "fake7" \${revision}\`);
}
`);
  assert.equal(source.revision, "0002");
  assert.deepEqual(source.downRevisions, ["0001"]);
  assert.equal(source.message, "real");
  assert.equal(source.createDate, "2025-12-15 10:00:00");
  assert.deepEqual(source.lines, { revision: 6, downRevision: 12 });
});

const notLiterals: Array<[string, string, number, RegExp]> = [
  ["a variable", `const parent = "0001";\nexport const downRevision = parent;`, 3, /`parent`/],
  ["a call", `export const downRevision = pick("0001");`, 2, /`pick`/],
  ["a template with substitution", "export const downRevision = `${base}1`;", 2, /template string with \$\{/],
  ["a concatenation", `export const downRevision = "00" + "01";`, 2, /`\+` after the value/],
  ["a concatenation continued on the next line", `export const downRevision = "0001"\n  + "x";`, 3, /`\+` after the value/],
  ["a variable in an array", `export const downRevision = [\n  "0001",\n  other,\n];`, 4, /`other` in the array/],
  ["a method call on a literal", `export const downRevision = "0001".trim();`, 2, /`\.` after the value/],
  ["a missing value", `export const downRevision;`, 2, /downRevision has no value/],
];
for (const [name, body, line, found] of notLiterals) {
  test(`a metadata value that is ${name} is an error naming file:line`, () => {
    const error = rejects(`export const revision = "0002";\n${body}\n`, "INVALID_REVISION_FILE", new RegExp(`^${FILE}:${line}: downRevision`));
    assert.match(error.message, found);
    assert.match(error.hint ?? "", /export const downRevision = "0001"/);
  });
}

test("transactional that is not a literal says true or false", () => {
  const error = rejects(
    `export const revision = "0002";\nexport const downRevision = null;\nexport const transactional = !0;\n`,
    "INVALID_REVISION_FILE",
    /:3: transactional must be a literal value \(true or false\)/,
  );
  assert.equal(error.details?.line, 3);
});

test("a missing revision is an error naming the file", () => {
  const error = rejects(`export const downRevision = null;\n`, "INVALID_REVISION_FILE", /^versions\/20251215_0002_x\.ts: no revision declared/);
  assert.match(error.hint ?? "", /export const revision = "0002"/);
});

test("a missing downRevision asks for null to start a base", () => {
  const error = rejects(`export const revision = "0002";\n`, "INVALID_REVISION_FILE", /no downRevision declared for revision 0002/);
  assert.match(error.hint ?? "", /export const downRevision = null;/);
});

const invalidValues: Array<[string, string, RegExp]> = [
  ["an empty revision", `export const revision = "";\nexport const downRevision = null;`, /:1: revision must be a string of 1 to 32 .*; found an empty string/],
  [
    "a revision longer than 32 characters",
    `export const revision = "${"a".repeat(33)}";\nexport const downRevision = null;`,
    /:1: revision must be .*varchar\(32\)/,
  ],
  ["a revision with a space", `export const revision = "00 02";\nexport const downRevision = null;`, /:1: revision must be/],
  ["a numeric revision", `export const revision = 2;\nexport const downRevision = null;`, /:1: revision must be .*; found 2/],
  ["a duplicate parent", `export const revision = "0002";\nexport const downRevision = ["0001", "0001"];`, /:2: downRevision must be .*distinct/],
  ["a label with @", `export const revision = "0002";\nexport const downRevision = null;\nexport const branchLabels = ["a@b"];`, /:3: branchLabels must be/],
  [
    "a string transactional",
    `export const revision = "0002";\nexport const downRevision = null;\nexport const transactional = "no";`,
    /:3: transactional must be true or false; found "no"/,
  ],
];
for (const [name, body, pattern] of invalidValues) {
  test(`validation rejects ${name} with file, line and field`, () => {
    rejects(body, "INVALID_REVISION_FILE", pattern);
  });
}

test("a metadata name declared twice or with let is an error", () => {
  rejects(`export const revision = "0002";\nexport const revision = "0003";\n`, "INVALID_REVISION_FILE", /:2: revision is declared twice \(first on line 1\)/);
  rejects(`export let revision = "0002";\n`, "INVALID_REVISION_FILE", /:1: revision is declared with `let`/);
});

test("an unterminated string or comment is an error with its line", () => {
  rejects(`export const revision = "0002";\nexport const message = "oops;\n`, "INVALID_REVISION_FILE", /:2: unterminated string/);
  rejects(`export const revision = "0002";\n/* never closed\n`, "INVALID_REVISION_FILE", /:2: unterminated \/\* comment/);
});

test("other exports and nested declarations are ignored", () => {
  const source = read(`export const revision = "0002";
export const downRevision = null;
export const config = makeConfig();
export { message as helper, other };
export default function () {}
namespace inner { export const revision = compute(); }
`);
  assert.equal(source.revision, "0002");
  assert.equal(source.message, "");
});

test("a metadata name exported from a list, by destructuring or by export * is refused", () => {
  const head = `export const revision = "0002";\nexport const downRevision = null;\n`;
  rejects(`${head}const helper = "m";\nexport { helper as message };\n`, "INVALID_REVISION_FILE", /:4: message is exported from a list/);
  rejects(`${head}const message = "m";\nexport { other, message };\n`, "INVALID_REVISION_FILE", /:4: message is exported from a list/);
  rejects(`${head}export { x as "message" } from "./y";\n`, "INVALID_REVISION_FILE", /:3: message is exported from a list/);
  rejects(`${head}export * from "./shared";\n`, "INVALID_REVISION_FILE", /:3: `export \*` may export revision metadata/);
  rejects(`${head}export * as message from "./shared";\n`, "INVALID_REVISION_FILE", /:3: message is exported from `export \* as`/);
  rejects(`${head}export const { message } = { message: "m" };\n`, "INVALID_REVISION_FILE", /:3: message is exported by destructuring/);
  assert.equal(read(`${head}export * as shared from "./shared";\nexport const message = "m";\n`).message, "m");
});

test("divisions are not mistaken for regular expressions", () => {
  const source = read(`let i = 0, a = 4, b = 2;
const half = i++ / 2; const q = a / b / 2; const r = (a) / b;
export const revision = "0002";
const g = a /b; // "/
export const downRevision = "0001";
`);
  assert.equal(source.revision, "0002");
  assert.deepEqual(source.downRevisions, ["0001"]);
});
