// The layers that handle every operation kind keep a record keyed by the kind
// (`{ [K in OperationKind]: (op: OperationOf<K>) => … }`), so a kind added to
// src/ops/definitions/ without its PostgreSQL rendering is a compile error, not a
// runtime TypeError on the first revision that uses it. These tests compile small
// files against the real types with tsc and read the errors.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { operationDefinitions } from "../../src/ops/operation-definitions.js";

const root = path.resolve(import.meta.dirname, "../..");
const virtualFile = path.join(root, "test", "conventions", "renderer-record-probe.ts");

function compilerOptions(): ts.CompilerOptions {
  const read = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(read.config, ts.sys, root).options, noEmit: true, noUnusedLocals: false };
}

/** The type errors of `source`, compiled as a file of test/conventions/, by the name of the declaration they are in. */
function typeErrors(source: string): Map<string, string[]> {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === virtualFile ? ts.createSourceFile(file, source, language) : getSourceFile.call(host, file, language, ...rest);
  host.fileExists = (file) => path.resolve(file) === virtualFile || fileExists.call(host, file);
  host.readFile = (file) => (path.resolve(file) === virtualFile ? source : readFile.call(host, file));
  const program = ts.createProgram([virtualFile], options, host);
  const errors = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.file === undefined || path.resolve(d.file.fileName) !== virtualFile) continue;
    const line = d.file.getLineAndCharacterOfPosition(d.start ?? 0).line;
    const name = /const (\w+)/.exec(source.split("\n")[line] ?? "")?.[1] ?? `line ${line + 1}`;
    errors.set(name, [...(errors.get(name) ?? []), ts.flattenDiagnosticMessageText(d.messageText, "\n")]);
  }
  return errors;
}

// Every kind but bulkInsert, the one the incomplete record leaves out.
const kinds = Object.keys(operationDefinitions).filter((kind) => kind !== "bulkInsert");
const record = (name: string, entries: readonly string[]) =>
  `export const ${name}: OperationRenderers = { ${entries.map((k) => (k.includes(":") ? k : `${k}: none`)).join(", ")} };\n`;

// One compilation for every case (a program over src takes seconds): each record's errors are told apart by its name.
const errors = typeErrors(
  [
    `import type { OperationRenderers } from "../../src/dialect/postgres/render.js";`,
    `import { renderAddColumn } from "../../src/dialect/postgres/render-column.js";`,
    "const none = () => [];",
    record("complete", [...kinds, "bulkInsert"]),
    record("missingBulkInsert", kinds),
    record("extraEntry", [...kinds, "bulkInsert", "truncateTable"]),
    record("wrongKind", [...kinds.filter((k) => k !== "dropColumn"), "dropColumn: renderAddColumn", "bulkInsert"]),
  ].join("\n"),
);

test("a renderer record with an entry for every operation kind compiles", () => {
  assert.equal(errors.get("complete"), undefined);
});

test("a renderer record missing an operation kind fails to compile, naming the kind", () => {
  const found = errors.get("missingBulkInsert") ?? [];
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0]!, /Property 'bulkInsert' is missing/);
});

test("a renderer record with an entry for no operation kind fails to compile, naming the entry", () => {
  const found = errors.get("extraEntry") ?? [];
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0]!, /'truncateTable' does not exist in type 'OperationRenderers'/);
});

test("a renderer takes the operation of its own kind: one written for another kind fails to compile", () => {
  const found = errors.get("wrongKind") ?? [];
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0]!, /dropColumn/);
});

test("the probe compiled nothing else wrong", () => {
  assert.deepEqual([...errors.keys()].sort(), ["extraEntry", "missingBulkInsert", "wrongKind"]);
});
