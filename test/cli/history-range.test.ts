// `history -r` with a range that is not one: refused before anything opens the database,
// even when one end says `current` (which alone would read it).
import assert from "node:assert/strict";
import { test } from "node:test";
import { runInProcess } from "../helpers/in-process-cli.js";
import { addRevision, createProject, sampleGraph } from "./run-cli.js";

test("history -r current (no colon) is refused as a range without opening the embedded database", async () => {
  const project = createProject();
  try {
    for (const revision of sampleGraph) addRevision(project, revision);
    const result = await runInProcess(["history", "-r", "current"], { cwd: project.dir });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /^error: Range 'current' must have the form \[start\]:\[end\]/m);
    assert.doesNotMatch(result.stderr, /embedded database/);
    assert.equal(project.exists(".athanor"), false, "the embedded database was created for a refused range");
  } finally {
    project.remove();
  }
});
