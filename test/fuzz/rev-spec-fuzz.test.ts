// 2,000 seeded rev-spec arguments, each given to `upgrade --sql`, `downgrade --sql`,
// `stamp --sql`, `history -r` and `show` on a graph with branches, a merge, labels and ids
// sharing prefixes. Whatever the argument, the answer is a result (exit 0) or a refusal
// (exit 2) that names it, never an internal error, a stack trace or unbounded output.
// Commands run in this process (test/helpers/in-process-cli.ts): 10,000 CLI processes
// would take most of an hour. FUZZ_SEED=<n> replays another seed; FUZZ_COUNT=<n> more specs.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { shownArgument } from "../../src/graph/shown-argument.js";
import { addRevision, createProject, sampleGraph, type RevisionFile, type TempProject } from "../cli/run-cli.js";
import { asProcessArgument, runInProcess, type InProcessResult } from "../helpers/in-process-cli.js";
import { seededRandom } from "../helpers/seeded-random.js";
import { RevSpecGenerator } from "./rev-spec-generator.js";

const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const count = Number(process.env.FUZZ_COUNT ?? 2_000);

/**
 * The reference's sample graph (0001…0006 with a branch and a merge; a100, a101 labelled
 * audit) and two more roots: billing (beef01, which two branches grow from, and beef012
 * whose id extends beef01's) and reports (c0de11, c0de12 on top of 0006).
 */
const graph: readonly RevisionFile[] = [
  ...sampleGraph,
  { id: "beef01", down: null, message: "billing_base", branchLabels: ["billing"] },
  { id: "beef02", down: "beef01", message: "billing_two" },
  { id: "beef0a", down: "beef01", message: "billing_other" },
  { id: "beef012", down: "beef02", message: "billing_three" },
  { id: "c0de11", down: "0006", message: "reports_base", branchLabels: ["reports"] },
  { id: "c0de12", down: "c0de11", message: "reports_two", dependsOn: ["beef01"] },
];

const vocabulary = {
  ids: graph.map((r) => r.id),
  labels: graph.flatMap((r) => r.branchLabels ?? []),
};

// Any of these in the output is a crash dressed as a message.
const INTERNAL = [
  /TypeError/,
  /ReferenceError/,
  /RangeError/,
  /SyntaxError/,
  /\bundefined\b/,
  /\bNaN\b/,
  /\bInfinity\b/,
  /Cannot read propert/,
  /\[object Object\]/,
  /is not a function/,
  /is not iterable/,
  /Maximum call stack/,
  /report it if it looks like a bug/,
];
const STACK = /^\s+at \S.*(?:\(|:\d+:\d+)/m;
const STDOUT_LIMIT = 200_000;
const STDERR_LIMIT = 10_000;

/** A database an online run would reach by mistake: it fails fast (exit 4), never creating one. */
const env = { DATABASE_URL: "postgresql://fuzz@127.0.0.1:1/none" };

interface Invocation {
  readonly command: string;
  readonly args: readonly string[];
}

/** The argv for each command; flags first, so an argument that looks like `--` cannot swallow them. */
function invocations(spec: string, random: () => number): Invocation[] {
  const history = random() < 0.8 ? ["history", "-r", spec] : ["history", `--rev-range=${spec}`];
  return [
    { command: "upgrade", args: ["upgrade", "--sql", spec] },
    { command: "downgrade", args: ["downgrade", "--sql", spec] },
    { command: "stamp", args: ["stamp", "--sql", spec] },
    { command: "history", args: history },
    { command: "show", args: ["show", spec] },
  ];
}

/**
 * The parts of an argument a refusal may name instead of the whole: a range's ends, what
 * is before or after an `@`, a walk's start. Long arguments are named by their capped echo.
 */
function namedParts(spec: string): string[] {
  const parts = new Set<string>([spec, spec.trim()]);
  // A long argument: its capped echo, or the first range end and branch (what is refused first).
  const sides = spec.length <= 2_000 ? [spec, ...spec.split(":")] : [spec, spec.slice(0, spec.indexOf(":") >>> 0)];
  for (const side of sides.flatMap((s) => [s, s.trim()])) {
    parts.add(side);
    parts.add(side.trim());
    for (let at = side.indexOf("@"); at >= 0; at = spec.length <= 2_000 ? side.indexOf("@", at + 1) : -1) {
      parts.add(side.slice(0, at));
      parts.add(side.slice(at + 1));
    }
    const walk = spec.length <= 2_000 ? /^(?:(.*?)@)?(.*?)([+-]\d+)$/.exec(side.trim()) : null;
    if (walk) for (const piece of walk.slice(1)) if (piece) parts.add(piece);
  }
  // A part of only whitespace counts when it is quoted: `No such branch: ' '`.
  return [...parts].filter((p) => p !== "").map((p) => (p.trim() === "" ? `'${shownArgument(p)}'` : shownArgument(p)));
}

/**
 * `--` ends the options and `--sql`, `-h` are options: clipanion takes such an argument
 * for what it is, and a refusal that follows is about the command without it.
 */
const optionLike = (spec: string) => /^-(?!\d)/.test(spec);

/** What is wrong with one run, or undefined. */
function problem(spec: string, invocation: Invocation, result: InProcessResult): string | undefined {
  const unreachable = invocation.command === "history" && spec.includes("current") && /cannot connect to 127\.0\.0\.1:1/.test(result.stderr);
  // `history -r current:` reads the database; the one here is unreachable on purpose (exit 4).
  if (result.code !== 0 && result.code !== 2 && !(result.code === 4 && unreachable)) return `exit ${result.code} (expected 0, or 2 for a refusal)`;
  // The argument itself may say "undefined" or "NaN": only athanor's own words are checked.
  let output = `${result.stdout}\n${result.stderr}`;
  for (const echo of new Set([spec, spec.trim(), shownArgument(spec), shownArgument(spec.trim()), ...namedParts(spec)])) {
    if (echo !== "") output = output.split(echo).join("«arg»");
  }
  if (STACK.test(output)) return "a stack trace";
  const internal = INTERNAL.find((pattern) => pattern.test(output));
  if (internal) return `internal-error text ${internal}`;
  if (result.stdoutLength > STDOUT_LIMIT) return `${result.stdoutLength} characters on stdout`;
  if (result.stderrLength > STDERR_LIMIT) return `${result.stderrLength} characters on stderr`;
  if (result.code !== 0) {
    if (!/^error: \S/m.test(result.stderr)) return "a refusal without an `error:` line";
    if (!/^hint: \S/m.test(result.stderr)) return "a refusal without a `hint:` line";
    const blank = spec.trim() === "" && /empty|needs|not given|no \w+ target given|''/i.test(result.stderr);
    if (!blank && !optionLike(spec) && !unreachable && !namedParts(spec).some((part) => result.stderr.includes(part)))
      return "a refusal that does not name the argument";
  }
  return undefined;
}

function describe(invocation: Invocation, result: InProcessResult, what: string): string {
  const shownArgs = invocation.args.map((a) => JSON.stringify(a.length > 100 ? `${a.slice(0, 100)}…(${a.length})` : a)).join(" ");
  return `${what}: athanor ${shownArgs} -> exit ${result.code}\n  stderr: ${result.stderr.slice(0, 600).replace(/\n/g, "\n  ")}`;
}

let project: TempProject;

before(() => {
  project = createProject();
  for (const revision of graph) addRevision(project, revision);
});

after(() => project.remove());

test(`${count} generated rev specs through upgrade/downgrade/stamp --sql, history -r and show (seed ${seed})`, async (t) => {
  const random = seededRandom(seed);
  const generator = new RevSpecGenerator(random, vocabulary);
  const failures: string[] = [];
  const outcomes = { accepted: 0, refused: 0 };
  for (let i = 0; i < count; i++) {
    // What the command receives: a process gets bytes, so a lone surrogate arrives as U+FFFD.
    const spec = asProcessArgument(generator.next());
    for (const invocation of invocations(spec, random)) {
      const result = await runInProcess(invocation.args, { cwd: project.dir, env, captureLimit: 20_000 });
      const what = problem(spec, invocation, result);
      if (what !== undefined) failures.push(describe(invocation, result, what));
      if (result.code === 0) outcomes.accepted++;
      else outcomes.refused++;
    }
  }
  // FUZZ_REPORT=<file> writes every failure there, to read them all.
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, failures.join("\n"));
  const kinds = new Map<string, number>();
  for (const failure of failures) {
    const kind = failure.slice(0, failure.indexOf(":")) + " / " + /athanor "(\w+)"/.exec(failure)![1];
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const summary = [...kinds].map(([kind, n]) => `  ${n} × ${kind}`).join("\n");
  assert.equal(
    failures.length,
    0,
    `${failures.length} of ${count * 5} runs went wrong (seed ${seed}):\n${summary}\nthe first:\n${failures.slice(0, 15).join("\n")}`,
  );
  // A generator that only made garbage would prove little: many answers must be real ones
  // (downgrade --sql and history -r take ranges only, so most of their runs are refusals.)
  assert.ok(outcomes.accepted > count / 4, `only ${outcomes.accepted} of ${count * 5} runs were accepted`);
  t.diagnostic(`${outcomes.accepted} accepted, ${outcomes.refused} refused`);
});
