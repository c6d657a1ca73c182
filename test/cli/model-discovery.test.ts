// Which model modules `generate` and `check --verbose` load, through the real CLI: a
// directory is searched with its subdirectories (test files, hidden directories and
// node_modules skipped), the modules and the number of tables compared are listed, and
// a table declared but not exported is a warning naming its file and line, found while
// each module runs once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createProject, engines, pgliteEngine, shown } from "./run-cli.js";

const config = `import { defineConfig } from "athanor";

export default defineConfig({ revisionIds: "sequential", models: ["models"] });
`;

// Line 7 declares audit_log without exporting it; every evaluation appends to loads.txt.
const usersModule = `import { appendFileSync } from "node:fs";
import { column, table } from "athanor";

appendFileSync(new URL("../loads.txt", import.meta.url), "users.ts\\n");

export const users = table("users", { id: column.bigint().primaryKey().identity() });
const auditLog = table("audit_log", { id: column.bigint().primaryKey(), userId: column.bigint() });
void auditLog;
`;

const invoicesModule = `import { column, schema } from "athanor";
import { users } from "../users.js";

export const invoices = schema("billing").table("invoices", {
  id: column.int().primaryKey(),
  userId: column.bigint().references(() => users.id),
});
`;

const refuseToLoad = `throw new Error("this file is not a model module and must not be loaded");\n`;

for (const engine of engines) {
  test(`generate on ${engine.name} lists the model modules it loaded, from subdirectories too, and warns of a table declared but not exported`, async () => {
    const project = createProject({ config });
    const db = await engine.open(project);
    try {
      project.write("models/users.ts", usersModule);
      project.write("models/billing/invoices.ts", invoicesModule);
      project.write("models/users.test.ts", refuseToLoad);
      project.write("models/.drafts/next.ts", refuseToLoad);
      project.write("models/node_modules/dep/index.js", refuseToLoad);
      const url = ["--url", db.url];

      const generated = await project.run(["generate", "initial", ...url]);
      assert.equal(generated.code, 0, shown(generated));
      assert.match(generated.stderr, /^Loaded 2 model modules: models\/billing\/invoices\.ts \(1 table\), models\/users\.ts \(1 table\)$/m);
      assert.match(generated.stderr, /^Compared 2 tables of the models with 0 in the database \(schemas: public, billing\)$/m);
      assert.match(
        generated.stderr,
        /^warning: models\/users\.ts:7: table audit_log is declared but not exported, so autogenerate does not compare it; export it from a model module, or delete it$/m,
      );
      assert.equal(project.read("loads.txt"), "users.ts\n", "each model module runs once");
      const source = project.read(`versions/${project.versionFiles()[0]!}`);
      assert.match(source, /await op\.createTable\("invoices", \{\n\s+schema: "billing",/);
      assert.doesNotMatch(source, /audit_log/);

      assert.equal((await project.run(["upgrade", ...url])).code, 0);
      const check = await project.run(["check", "--verbose", ...url]);
      assert.equal(check.code, 0, shown(check));
      assert.match(check.stderr, /^Compared 2 tables of the models with 2 in the database \(schemas: public, billing\)$/m);
      assert.match(check.stderr, /^warning: models\/users\.ts:7: table audit_log is declared but not exported/m);
      const quiet = await project.run(["check", ...url]);
      assert.doesNotMatch(quiet.stderr, /^Loaded/m, "without --verbose, check does not list the modules");
    } finally {
      await db.drop();
      project.remove();
    }
  });
}

// Model modules load through tsx's require hook unless one of them needs an ES module;
// then the whole set is imported as ES modules, and the first attempt leaves no trace.
test("model modules that need ES modules (top-level await) load as ES modules, with no warning from the first attempt", async () => {
  const project = createProject({ config });
  const db = await pgliteEngine.open(project);
  try {
    project.write(
      "models/accounts.ts",
      `import { column, table } from "athanor";\n\nconst width = await Promise.resolve(40);\nexport const accounts = table("accounts", { id: column.int().primaryKey(), name: column.varchar(width) });\n`,
    );
    project.write(
      "models/billing/charges.ts",
      `import { column, table } from "athanor";\nimport { accounts } from "../accounts.js";\n\nexport const charges = table("charges", { id: column.int().primaryKey(), accountId: column.int().references(() => accounts.id) });\n`,
    );
    const generated = await project.run(["generate", "initial", "--url", db.url]);
    assert.equal(generated.code, 0, shown(generated));
    assert.match(generated.stderr, /^Loaded 2 model modules: models\/accounts\.ts \(1 table\), models\/billing\/charges\.ts \(1 table\)$/m);
    assert.doesNotMatch(generated.stderr, /warning/);
    const source = project.read(`versions/${project.versionFiles()[0]!}`);
    assert.match(source, /createTable\("accounts"[\s\S]*varchar\(40\)/);
    assert.match(source, /createTable\("charges"/);
  } finally {
    await db.drop();
    project.remove();
  }
});
