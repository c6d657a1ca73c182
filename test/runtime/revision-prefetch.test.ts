import assert from "node:assert/strict";
import { test } from "node:test";
import type { RevisionSource } from "../../src/graph/revision-source.js";
import type { LoadedRevision } from "../../src/runtime/loaded-revision.js";
import { RevisionPrefetch } from "../../src/runtime/revision-prefetch.js";

const source = (revision: string): RevisionSource => ({
  revision,
  downRevisions: [],
  branchLabels: [],
  dependsOn: [],
  message: "",
  createDate: null,
  path: `versions/${revision}.sql`,
  transactional: true,
  format: "sql",
});
const loaded: LoadedRevision = { format: "sql", upgradeSql: "", upgradeLine: 1, downgradeSql: "", downgradeLine: 1 };

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

test("revisions load a bounded number of steps ahead of the one that runs, each once", async () => {
  const started: string[] = [];
  const prefetch = new RevisionPrefetch(
    ["a", "b", "c", "d", "e"].map(source),
    async (s) => {
      started.push(s.revision);
      return loaded;
    },
    2,
  );
  await prefetch.get(0);
  // The step's own revision first; the ones ahead on a later turn, while its query runs.
  assert.deepEqual(started, ["a"]);
  await nextTurn();
  assert.deepEqual(started, ["a", "b", "c"]);
  await prefetch.get(1);
  await prefetch.get(2);
  await nextTurn();
  assert.deepEqual(started, ["a", "b", "c", "d", "e"]);
});

test("a revision that fails to load fails its own step, not an earlier one, and is never unhandled", async () => {
  const prefetch = new RevisionPrefetch(["a", "b"].map(source), async (s) => {
    if (s.revision === "b") throw new Error("b does not compile");
    return loaded;
  });
  assert.equal(await prefetch.get(0), loaded);
  await nextTurn();
  await nextTurn(); // b's failure has settled by now
  await assert.rejects(prefetch.get(1), /b does not compile/);
});
