// The revision code people copy compiles against the Operations type: README's ```ts
// blocks that call op.*, and the @example of every facade method (the editor shows it on
// hover). The operation types are read from their definitions, so this is what tells a
// change there that it broke what users write. Compiled with tsc against src/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "../..");
const probeDir = path.join(root, "test", "ops");
const operationsModule = "../../src/index.js";

interface Example {
  readonly where: string;
  readonly source: string;
}

/** README's ```ts blocks that call op.*: a whole revision module, or statements of an upgrade(). */
function readmeExamples(): Example[] {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .filter((m) => /\bop\.\w+\(/.test(m[1]!))
    .map((m) => {
      const where = `README.md:${readme.slice(0, m.index).split("\n").length + 1}`;
      const block = m[1]!.replaceAll('from "athanor"', `from "${operationsModule}"`);
      const source = block.includes("export async function")
        ? block
        : `import type { Operations } from "${operationsModule}";\nexport async function upgrade(op: Operations): Promise<void> {\n${block}}\n`;
      return { where, source };
    });
}

/** Every `@example await op.…;` of src/ops/operations.ts, as the body of an upgrade(). */
function facadeExamples(): Example[] {
  const file = path.join(root, "src", "ops", "operations.ts");
  const lines = readFileSync(file, "utf8").split("\n");
  return lines.flatMap((line, at) => {
    const example = /@example (await op\..*;)/.exec(line)?.[1];
    if (example === undefined) return [];
    const source = `import type { Operations } from "${operationsModule}";\nexport async function upgrade(op: Operations): Promise<void> {\n  ${example}\n}\n`;
    return [{ where: `src/ops/operations.ts:${at + 1}`, source }];
  });
}

/** The type errors of each example, compiled together as files of test/ops/. */
function typeErrors(examples: readonly Example[]): Map<string, string[]> {
  const read = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const options = { ...ts.parseJsonConfigFileContent(read.config, ts.sys, root).options, noEmit: true, noUnusedLocals: false };
  const files = new Map(examples.map((e, i) => [path.join(probeDir, `example-probe-${i}.ts`), e] as const));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (file, language, ...rest) => {
    const example = files.get(path.resolve(file));
    return example ? ts.createSourceFile(file, example.source, language) : getSourceFile.call(host, file, language, ...rest);
  };
  host.fileExists = (file) => files.has(path.resolve(file)) || fileExists.call(host, file);
  host.readFile = (file) => files.get(path.resolve(file))?.source ?? readFile.call(host, file);
  const program = ts.createProgram([...files.keys()], options, host);
  const errors = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const example = d.file === undefined ? undefined : files.get(path.resolve(d.file.fileName));
    const where = example?.where ?? "elsewhere";
    errors.set(where, [...(errors.get(where) ?? []), ts.flattenDiagnosticMessageText(d.messageText, "\n")]);
  }
  return errors;
}

test("README's revision examples and every facade method's @example typecheck against the Operations type", () => {
  const readme = readmeExamples();
  const facade = facadeExamples();
  assert.ok(readme.length >= 2, "README has revision examples that call op.*");
  // One example or more for each of the 28 operation methods, query and autocommitBlock.
  assert.ok(facade.length >= 30, `operations.ts has ${facade.length} @example lines`);
  const errors = typeErrors([...readme, ...facade]);
  assert.deepEqual(Object.fromEntries(errors), {});
});
