// DESIGN.md's arrows (cli -> runtime/autogenerate -> scripts, dialect, ops, graph; graph
// imports nothing) are lint rules in biome.json, run by `npm test`. These tests hold the
// rules to what they say: a wrong-direction import in a scratch copy of the layout is
// refused naming the layer, and the same import in the right direction passes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";

const root = path.resolve(import.meta.dirname, "../..");
const biome = path.join(root, "node_modules", ".bin", "biome");
const scratch = mkdtempSync(path.join(tmpdir(), "athanor-boundaries-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
copyFileSync(path.join(root, "biome.jsonc"), path.join(scratch, "biome.jsonc"));

function lint(file: string, text: string): { code: number | null; output: string } {
  const dir = mkdtempSync(path.join(scratch, "case-"));
  copyFileSync(path.join(scratch, "biome.jsonc"), path.join(dir, "biome.jsonc"));
  mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
  const run = spawnSync(biome, ["lint", "--error-on-warnings", "--no-errors-on-unmatched", file], { cwd: dir, encoding: "utf8" });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

const refused: [string, string, string, RegExp][] = [
  [
    "the graph imports the runtime",
    "src/graph/plan.ts",
    'import { Migrator } from "../runtime/migrator.js";\nexport const x = Migrator;\n',
    /src\/graph is pure/,
  ],
  [
    "the error family imports a layer",
    "src/errors.ts",
    'import { RevisionMap } from "./graph/revision-map.js";\nexport const x = RevisionMap;\n',
    /src\/errors.ts is the leaf/,
  ],
  [
    "the error factories import a layer",
    "src/error-factories.ts",
    'import { RevisionMap } from "./graph/revision-map.js";\nexport const x = RevisionMap;\n',
    /src\/error-factories.ts is a leaf/,
  ],
  ["the graph reads files", "src/graph/plan.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', /src\/graph is pure/],
  [
    "the dialect imports the runtime",
    "src/dialect/postgres/render.ts",
    'import { Migrator } from "../../runtime/migrator.js";\nexport const x = Migrator;\n',
    /src\/dialect knows SQL/,
  ],
  ["the dialect reads files", "src/dialect/postgres/render.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', /no Node I\/O/],
  [
    "the dialect imports revision files' code",
    "src/dialect/postgres/render.ts",
    'import { scan } from "../../scripts/scan-version-locations.js";\nexport const x = scan;\n',
    /src\/dialect knows SQL/,
  ],
  ["the runtime imports the CLI", "src/runtime/migrator.ts", 'import { main } from "../cli/main.js";\nexport const x = main;\n', /src\/runtime runs plans/],
  [
    "scripts import the runtime",
    "src/scripts/load-revision.ts",
    'import type { Migrator } from "../runtime/migrator.js";\nexport type X = Migrator;\n',
    /src\/scripts reads and writes/,
  ],
  ["the lint core reads files", "src/lint/lint.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', /src\/lint is a pure core/],
  [
    "the lint core imports the runtime",
    "src/lint/lint.ts",
    'import { Migrator } from "../runtime/migrator.js";\nexport const x = Migrator;\n',
    /src\/lint is a pure core/,
  ],
  [
    "the commands layer imports the CLI",
    "src/commands/check.ts",
    'import { main } from "../cli/main.js";\nexport const x = main;\n',
    /src\/commands is what the CLI calls/,
  ],
  [
    "the runtime imports the commands layer",
    "src/runtime/migrator.ts",
    'import { checkProject } from "../commands/check.js";\nexport const x = checkProject;\n',
    /src\/runtime runs plans/,
  ],
  [
    "autogenerate imports the CLI",
    "src/autogenerate/compare.ts",
    'import { main } from "../cli/main.js";\nexport const x = main;\n',
    /src\/autogenerate compares/,
  ],
];

for (const [what, file, text, reason] of refused) {
  test(`${what} is refused by the lint`, () => {
    const { code, output } = lint(file, text);
    assert.equal(code, 1, output);
    assert.match(output, /noRestrictedImports/);
    assert.match(output, reason);
  });
}

const allowed: [string, string, string][] = [
  ["the graph imports the error family", "src/graph/plan.ts", 'import { AthanorError } from "../errors.js";\nexport const x = AthanorError;\n'],
  ["the graph imports the error factories", "src/graph/plan.ts", 'import { errors } from "../error-factories.js";\nexport const x = errors;\n'],
  [
    "the runtime imports the dialect and the graph",
    "src/runtime/migrator.ts",
    'import { renderOperation } from "../dialect/postgres/render.js";\nimport { RevisionMap } from "../graph/revision-map.js";\nexport const x = [renderOperation, RevisionMap];\n',
  ],
  [
    "the dialect imports ops and the graph",
    "src/dialect/postgres/render.ts",
    'import type { Operation } from "../../ops/operation.js";\nimport { AthanorError } from "../../errors.js";\nexport type X = Operation;\nexport const y = AthanorError;\n',
  ],
  [
    "the commands layer imports the runtime, autogenerate and scripts",
    "src/commands/check.ts",
    'import { Migrator } from "../runtime/migrator.js";\nimport { autogenerate } from "../autogenerate/autogenerate.js";\nimport { writeNewRevision } from "../scripts/authoring.js";\nexport const x = [Migrator, autogenerate, writeNewRevision];\n',
  ],
  [
    "the CLI imports anything",
    "src/cli/main.ts",
    'import { Migrator } from "../runtime/migrator.js";\nimport { readFileSync } from "node:fs";\nexport const x = [Migrator, readFileSync];\n',
  ],
];

for (const [what, file, text] of allowed) {
  test(`${what}: the lint passes`, () => {
    const { code, output } = lint(file, text);
    assert.equal(code, 0, output);
  });
}
