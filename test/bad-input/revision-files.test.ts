// Bad revision files: each is refused with exit 3 before anything touches the database,
// naming the file (and line) at fault and what to do. The database was at 0001; it and
// the files stay exactly as they were.
import { chmodSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { ensureBuilt, unprivilegedUser } from "./cli-harness.js";
import { checkBadInput, seededAt0001, type BadInputCase } from "./refusal.js";
import { baseRevision, fileFor, sqlRevision, tsRevision } from "./revision-sources.js";

const withBase = (files: Record<string, string>) => ({ [fileFor("0001")]: baseRevision, ...files });
const replaceIn = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return text.replace(from, to);
};
const second = (line: string) => replaceIn(tsRevision({ id: "0002", down: "0001" }), 'export const message = "revision 0002";', line);
const user = unprivilegedUser();
const root = process.getuid?.() === 0;

const cases: BadInputCase[] = [
  {
    name: "a cycle of two revisions is refused naming both files",
    files: { [fileFor("0001")]: tsRevision({ id: "0001", down: "0002" }), [fileFor("0002")]: tsRevision({ id: "0002", down: "0001" }) },
    args: ["upgrade"],
    exit: 3,
    names: ["Cycle is detected in revisions", "versions/20250101_0001_rev.ts:4", "versions/20250101_0002_rev.ts:4"],
  },
  {
    name: "a cycle of three revisions is refused naming all three files",
    files: withBase({
      [fileFor("0002")]: tsRevision({ id: "0002", down: "0004" }),
      [fileFor("0003")]: tsRevision({ id: "0003", down: "0002" }),
      [fileFor("0004")]: tsRevision({ id: "0004", down: "0003" }),
    }),
    args: ["upgrade"],
    exit: 3,
    names: [
      /Cycle is detected in revisions \(0002, 0003, 0004\)/,
      "versions/20250101_0002_rev.ts:4",
      "versions/20250101_0003_rev.ts:4",
      "versions/20250101_0004_rev.ts:4",
    ],
  },
  {
    name: "a downRevision naming no revision is refused naming the file, line and the missing id",
    files: withBase({ [fileFor("0002")]: tsRevision({ id: "0002", down: "0099" }) }),
    args: ["upgrade"],
    exit: 3,
    names: ["Revision 0099 referenced from 0002 is not present", "versions/20250101_0002_rev.ts:4"],
  },
  {
    name: "a duplicate revision id is refused naming both files",
    files: withBase({ "versions/20250102_copy_of_0001.ts": baseRevision }),
    args: ["upgrade"],
    exit: 3,
    names: ["Revision 0001 is present more than once", "versions/20250101_0001_rev.ts:3", "versions/20250102_copy_of_0001.ts:3"],
  },
  {
    name: "metadata bound to a variable is refused naming file:line and the variable",
    files: withBase({ [fileFor("0002")]: second('const words = "x";\nexport const message = words;') }),
    args: ["upgrade"],
    exit: 3,
    names: ["versions/20250101_0002_rev.ts:6", "message must be a literal", "`words`"],
  },
  {
    name: "metadata computed by a call is refused naming file:line",
    files: withBase({
      [fileFor("0002")]: replaceIn(
        tsRevision({ id: "0002", down: "0001" }),
        'export const revision = "0002";',
        'export const revision = String(2).padStart(4, "0");',
      ),
    }),
    args: ["upgrade"],
    exit: 3,
    names: ["versions/20250101_0002_rev.ts:3", "revision must be a literal"],
  },
  {
    name: "metadata in a template with ${} is refused naming file:line",
    files: withBase({
      [fileFor("0002")]: replaceIn(
        tsRevision({ id: "0002", down: "0001" }),
        'export const downRevision: string | string[] | null = "0001";',
        "const n = 1;\nexport const downRevision = `000${n}`;",
      ),
    }),
    args: ["upgrade"],
    exit: 3,
    names: ["versions/20250101_0002_rev.ts:5", "downRevision must be a literal", "template string"],
  },
  {
    name: "a file that declares no revision is refused naming it",
    files: withBase({ [fileFor("0002")]: replaceIn(tsRevision({ id: "0002", down: "0001" }), 'export const revision = "0002";', "") }),
    args: ["upgrade"],
    exit: 3,
    names: ["versions/20250101_0002_rev.ts", "no revision declared"],
  },
  {
    name: "a metadata line with a syntax error is refused naming file:line",
    files: withBase({
      [fileFor("0002")]: replaceIn(tsRevision({ id: "0002", down: "0001" }), 'export const revision = "0002";', 'export const revision = "0002;'),
    }),
    args: ["upgrade"],
    exit: 3,
    names: ["versions/20250101_0002_rev.ts:3", "unterminated string"],
  },
  {
    name: "a revision file nobody may read is refused naming it",
    files: withBase({ [fileFor("0002")]: tsRevision({ id: "0002", down: "0001" }) }),
    setup: (project) => chmodSync(path.join(project.dir, fileFor("0002")), 0o000),
    // root reads any file, so as root the CLI runs as an unprivileged user instead.
    ...(user ? { run: { as: user } } : {}),
    skip: root && !user ? "running as root with no unprivileged user: root can read a chmod 000 file, so there is nothing to refuse" : false,
    args: ["upgrade"],
    exit: 3,
    names: ["versions/20250101_0002_rev.ts"],
  },
  {
    name: "an SQL revision without a -- +upgrade marker is refused naming file:line",
    files: withBase({ [fileFor("0002", "sql")]: replaceIn(sqlRevision({ id: "0002", down: "0001" }), "-- +upgrade\n", "") }),
    args: ["upgrade"],
    exit: 3,
    names: ["versions/20250101_0002_rev.sql:4", "-- +upgrade"],
  },
  {
    name: "an unknown SQL header key is refused naming file:line and the key",
    files: withBase({ [fileFor("0002", "sql")]: sqlRevision({ id: "0002", down: "0001", headers: ["-- colour: blue"] }) }),
    args: ["upgrade"],
    exit: 3,
    names: ["versions/20250101_0002_rev.sql:4", "unknown header `colour`"],
  },
  {
    name: "a dependsOn naming no revision is refused naming the file and the dependency",
    files: withBase({ [fileFor("0002")]: tsRevision({ id: "0002", down: "0001", extra: 'export const dependsOn: string[] = ["nothere"];' }) }),
    args: ["upgrade"],
    exit: 3,
    names: ["'nothere'", "versions/20250101_0002_rev.ts:7"],
  },
  {
    name: "a branch label used twice is refused naming both files",
    files: withBase({
      [fileFor("0002")]: tsRevision({ id: "0002", down: "0001", extra: 'export const branchLabels: string[] = ["feature"];' }),
      [fileFor("0003")]: tsRevision({ id: "0003", down: "0001", extra: 'export const branchLabels: string[] = ["feature"];' }),
    }),
    args: ["upgrade"],
    exit: 3,
    names: ["'feature'", "versions/20250101_0002_rev.ts:7", "versions/20250101_0003_rev.ts:7"],
  },
];

describe("bad revision files", { concurrency: 4 }, () => {
  before(ensureBuilt);
  for (const input of cases) {
    test(input.name, { todo: input.todo, skip: input.skip }, async () => {
      await checkBadInput({ seed: seededAt0001, ...input });
    });
  }
});
