// reset, downgrade base and stamp --purge ask on a terminal, naming the database; --yes
// skips the question, and without a terminal on stdin (scripts, CI) nothing is asked.
// The terminal is a real pseudo-terminal from util-linux's script(1).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, test } from "node:test";
import { type CliResult, createProject, engines, repoRoot, shown, type TempProject } from "./run-cli.js";

const hasScript = spawnSync("sh", ["-c", "command -v script"], { encoding: "utf8" }).stdout.trim() !== "";
const bin = path.join(repoRoot, "dist", "cli", "bin.js");

/** Runs athanor with stdin (and stdout/stderr) on a pseudo-terminal, typing `answer`. */
function onTerminal(project: TempProject, args: readonly string[], answer: string): Promise<CliResult> {
  const command = [process.execPath, bin, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(" ");
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const name of ["DATABASE_URL", "NODE_TEST_CONTEXT", "NODE_OPTIONS", "CI", "FORCE_COLOR"]) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: project.dir, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr: stdout }));
    // Typed ahead, as a person may: the terminal keeps it until athanor reads.
    child.stdin.end(`${answer}\n`);
  });
}

function project(): TempProject {
  return createProject({ example: true });
}

for (const engine of engines) {
  describe(`confirmation on ${engine.name}`, { skip: hasScript ? false : "script(1) is not installed" }, () => {
    test("on a terminal: no keeps the database as it was (exit 1), yes goes ahead; the question names the database", async () => {
      const p = project();
      const db = await engine.open(p);
      const url = ["--url", db.url];
      try {
        assert.equal((await p.run(["upgrade", ...url])).code, 0);
        const declined = await onTerminal(p, ["reset", ...url], "n");
        assert.equal(declined.code, 1, shown(declined));
        const name = engine.name === "postgresql" ? new URL(db.url).pathname.slice(1) : "pglite";
        assert.match(declined.stdout, new RegExp(`reset reverts every applied revision.* on \\S*${name}\\S*\\. Continue\\? \\[y/N\\]`));
        assert.match(declined.stdout, /cancelled: nothing was changed/);
        assert.doesNotMatch(declined.stdout, /Running downgrade/);
        assert.deepEqual(await db.versionRows(), ["0002"]);

        const purgeDeclined = await onTerminal(p, ["stamp", "--purge", "0001", ...url], "");
        assert.equal(purgeDeclined.code, 1, "Enter alone is no");
        assert.deepEqual(await db.versionRows(), ["0002"]);

        const accepted = await onTerminal(p, ["downgrade", "base", ...url], "y");
        assert.equal(accepted.code, 0, shown(accepted));
        assert.match(accepted.stdout, /downgrade base reverts every applied revision/);
        assert.deepEqual(await db.versionRows(), []);

        const yes = await onTerminal(p, ["upgrade", ...url], "");
        assert.doesNotMatch(yes.stdout, /Continue\?/, "upgrade never asks");
        const skipped = await onTerminal(p, ["stamp", "--purge", "0001", "--yes", ...url], "n");
        assert.equal(skipped.code, 0, shown(skipped));
        assert.doesNotMatch(skipped.stdout, /Continue\?/);
        assert.deepEqual(await db.versionRows(), ["0001"]);
      } finally {
        await db.drop();
        p.remove();
      }
    });

    test("without a terminal on stdin nothing is asked", async () => {
      const p = project();
      const db = await engine.open(p);
      try {
        assert.equal((await p.run(["upgrade", "--url", db.url])).code, 0);
        const reset = await p.run(["reset", "--url", db.url]);
        assert.equal(reset.code, 0, shown(reset));
        assert.doesNotMatch(reset.stderr, /Continue\?/);
        assert.match(reset.stderr, /^2 revisions downgraded and 2 upgraded in /m);
      } finally {
        await db.drop();
        p.remove();
      }
    });
  });
}
