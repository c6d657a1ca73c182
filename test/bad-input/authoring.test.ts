// Writing new revision files from bad input: a broken template, a versions directory
// that cannot take a file, an id that exists, two writers at once. No half-written file,
// no overwritten file, never two files with one id.
import assert from "node:assert/strict";
import { chmodSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { ensureBuilt, giveProjectTo, makeProject, runCli, unprivilegedUser } from "./cli-harness.js";
import { assertRefusal, checkBadInput, type BadInputCase } from "./refusal.js";
import { linearFiles } from "./revision-sources.js";
import { readTsMetadata } from "../../src/scripts/read-ts-metadata.js";

const files = linearFiles(2);
const configFile = (settings: string) => `import { defineConfig } from "athanor";\n\nexport default defineConfig(${settings});\n`;
const user = unprivilegedUser();
const root = process.getuid?.() === 0;

const cases: BadInputCase[] = [
  {
    name: "a template with an unknown placeholder is refused naming template:line, and no file is written",
    files: {
      ...files,
      "athanor.config.ts": configFile('{ templatesDir: "templates" }'),
      "templates/revision.ts.tmpl": "export const revision = ${revision};\nexport const downRevision = ${downRevision};\nexport const author = ${author};\n",
    },
    database: "none",
    args: ["revision", "-m", "add index"],
    exit: 3,
    names: ["templates/revision.ts.tmpl:3", "unknown placeholder ${author}", "${revision}"],
  },
  {
    name: "a versions directory nobody may write to is refused naming it",
    files,
    database: "none",
    setup(project) {
      if (user) giveProjectTo(project.dir, user);
      chmodSync(path.join(project.dir, "versions"), 0o555);
    },
    ...(user ? { run: { as: user } } : {}),
    skip: root && !user ? "running as root with no unprivileged user: root writes into a read-only directory, so there is nothing to refuse" : false,
    args: ["revision", "-m", "add index"],
    exit: 3,
    names: ["versions"],
  },
  {
    name: "a versions path that is a file is refused naming it",
    files: {},
    database: "none",
    setup(project) {
      rmdirSync(path.join(project.dir, "versions"));
      writeFileSync(path.join(project.dir, "versions"), "not a directory\n");
    },
    args: ["revision", "-m", "add index"],
    exit: 3,
    names: ["versions", "is a file"],
  },
  {
    name: "--rev-id naming an existing revision is refused naming the id",
    files,
    database: "none",
    args: ["revision", "-m", "again", "--rev-id", "0002"],
    exit: 3,
    names: ["revision id 0002 already exists"],
  },
  {
    name: "--rev-id that is not a valid id is refused naming it",
    files,
    database: "none",
    args: ["revision", "-m", "escape", "--rev-id", "../../etc/x"],
    exit: 2,
    names: ['"../../etc/x"', "not valid", "may hold only letters, digits and '_'", "no revision file was written"],
  },
  {
    name: "--rev-id with a '-' (which heads would then reject as rev-spec syntax) is refused before any file is written",
    files,
    database: "none",
    args: ["revision", "-m", "x", "--rev-id", "my-rev"],
    exit: 2,
    names: ["Character(s) '-' not allowed in revision identifier 'my-rev'", "no revision file was written"],
  },
  {
    name: "--rev-id longer than the version table's 32 characters is refused naming its length",
    files,
    database: "none",
    args: ["revision", "-m", "x", "--rev-id", "a".repeat(33)],
    exit: 2,
    names: ["33 characters long", "at most 32"],
  },
  {
    name: "--head naming no revision is refused naming it",
    files,
    database: "none",
    args: ["revision", "-m", "orphan", "--head", "0999"],
    exit: 2,
    names: ["'0999'"],
  },
];

describe("bad input when writing revisions", { concurrency: 4 }, () => {
  before(ensureBuilt);
  for (const input of cases) {
    test(input.name, { todo: input.todo, skip: input.skip }, async () => {
      await checkBadInput(input);
    });
  }
});

describe("several `athanor revision` at once with sequential ids", () => {
  before(ensureBuilt);

  test("each succeeds with its own id or fails cleanly; never one id twice, never a clobbered file", async () => {
    for (let round = 0; round < 4; round++) {
      const project = makeProject({ ...files, "athanor.config.ts": configFile('{ revisionIds: "sequential" }') });
      try {
        // Four writers at once make the race between choosing an id and writing the file likely.
        const writers = ["alice", "bob", "carol", "dave"];
        const results = await Promise.all(writers.map((who) => runCli(project.dir, ["revision", "-m", `from ${who}`])));
        for (const result of results) {
          if (result.code === 0) assert.match(result.stdout, /^Generating versions\/\S+ \.\.\. done$/m);
          else assertRefusal(result, { exit: [3], names: [/\b000[3-6]\b/] });
        }
        assert.ok(
          results.some((r) => r.code === 0),
          "at least one writer succeeds",
        );
        const versions = path.join(project.dir, "versions");
        const names = readdirSync(versions).sort();
        assert.ok(
          names.every((name) => !name.startsWith(".")),
          `a temporary file was left behind: ${names.join(", ")}`,
        );
        const ids = names.map((name) => readTsMetadata(readFileSync(path.join(versions, name), "utf8"), name).revision?.value);
        assert.equal(new Set(ids).size, ids.length, `round ${round}: one id in two files: ${names.join(", ")} -> ${ids.join(", ")}`);
        assert.equal(names.length, 2 + results.filter((r) => r.code === 0).length, "each success wrote exactly one file");
      } finally {
        project.remove();
      }
    }
  });
});

describe("a lock left by a killed writer", () => {
  before(ensureBuilt);

  test("does not block the next `athanor revision`, and is cleared", async () => {
    const project = makeProject(files);
    try {
      // No process has this pid (above Linux's pid_max), like a writer killed mid-write.
      project.write("versions/.athanor-revision.lock", "4194999");
      const result = await runCli(project.dir, ["revision", "-m", "after a crash"]);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(
        readdirSync(path.join(project.dir, "versions")).filter((name) => name.startsWith(".")),
        [],
      );
    } finally {
      project.remove();
    }
  });
});
