// Bad rev specs: exit 2, Alembic's words plus what to type instead, and the database
// left where it was (brought there by real upgrades first).
import { before, describe, test } from "node:test";
import { ensureBuilt } from "./cli-harness.js";
import { checkBadInput, type BadInputCase } from "./refusal.js";
import { fileFor, linearFiles, tsRevision } from "./revision-sources.js";

const linear = linearFiles(3);
/** 0001 → 0002 → {0a03, 0a04}: two heads. */
const twoHeads = {
  ...linearFiles(2),
  [fileFor("0a03")]: tsRevision({ id: "0a03", down: "0002" }),
  [fileFor("0a04")]: tsRevision({ id: "0a04", down: "0002" }),
};
/** 0001 → abc123 → abd456: ids sharing a prefix. */
const prefixes = {
  ...linearFiles(1),
  [fileFor("abc123")]: tsRevision({ id: "abc123", down: "0001" }),
  [fileFor("abd456")]: tsRevision({ id: "abd456", down: "abc123" }),
};

const cases: BadInputCase[] = [
  {
    name: "an unknown revision is refused naming it",
    files: linear,
    prepare: [["upgrade", "0001"]],
    args: ["upgrade", "9999"],
    exit: 2,
    names: ["Can't locate revision identified by '9999'", "athanor history"],
  },
  {
    name: "a prefix shorter than four characters that matches nothing asks for four characters",
    files: linear,
    prepare: [["upgrade", "0001"]],
    args: ["upgrade", "zz"],
    exit: 2,
    names: ["No such revision or branch 'zz'; please ensure at least four characters are present"],
  },
  {
    name: "an ambiguous prefix is refused listing the candidates",
    files: prefixes,
    prepare: [["upgrade", "0001"]],
    args: ["upgrade", "ab"],
    exit: 2,
    names: ["Multiple revisions start with 'ab'", "abc123", "abd456"],
  },
  {
    name: "upgrade head refuses two heads, lists them with their files and names the merge command",
    files: twoHeads,
    prepare: [["upgrade", "0002"]],
    args: ["upgrade", "head"],
    exit: 2,
    names: [
      "Multiple head revisions are present for given argument 'head'",
      "versions/20250101_0a03_rev.ts",
      "versions/20250101_0a04_rev.ts",
      'athanor merge -m "merge_heads" heads',
    ],
  },
  {
    name: "downgrade -5 past base is refused and runs nothing",
    files: linear,
    prepare: [["upgrade", "head"]],
    args: ["downgrade", "-5"],
    exit: 2,
    names: ["Relative revision -5 didn't produce 5 migrations"],
  },
  {
    name: "downgrade -1 with two current heads is refused listing the heads to choose from",
    files: twoHeads,
    prepare: [["upgrade", "heads"]],
    args: ["downgrade", "-1"],
    exit: 2,
    names: ["ambiguous", "0a03", "0a04", "versions/20250101_0a03_rev.ts", /athanor downgrade 0a0[34]-1/],
  },
  {
    name: "downgrade -1 with two current heads on the embedded database is refused the same way",
    files: twoHeads,
    database: "pglite",
    prepare: [["upgrade", "heads"]],
    args: ["downgrade", "-1"],
    exit: 2,
    names: ["ambiguous", "0a03", "0a04", /athanor downgrade 0a0[34]-1/],
  },
  {
    name: "a range with two colons is refused naming the part that is not a revision",
    files: linear,
    prepare: [["upgrade", "0001"]],
    args: ["upgrade", "0001:0002:0003", "--sql"],
    exit: 2,
    names: ["0002:0003"],
  },
  {
    name: "downgrade --sql without a range is refused with an example range",
    files: linear,
    prepare: [["upgrade", "head"]],
    args: ["downgrade", "0001", "--sql"],
    exit: 2,
    names: ["downgrade with --sql requires <fromrev>:<torev>", /athanor downgrade \S+:0001 --sql/],
  },
  {
    name: "a relative step across a branch point is refused as an ambiguous walk naming the children",
    files: twoHeads,
    prepare: [["upgrade", "0002"]],
    args: ["upgrade", "0002+1"],
    exit: 2,
    names: ["Ambiguous walk", "0a03", "0a04"],
  },
  {
    name: "downgrade to a revision on another branch is refused: it is not below the current one",
    files: twoHeads,
    prepare: [["upgrade", "0a03"]],
    args: ["downgrade", "0a04"],
    exit: 2,
    names: ["0a04 is not a valid downgrade target", "0a03"],
  },
  {
    name: "a branch label that does not exist is refused naming it",
    files: linear,
    prepare: [["upgrade", "0001"]],
    args: ["upgrade", "nolabel@head"],
    exit: 2,
    names: ["'nolabel'"],
  },
  {
    name: "upgrade to 'nosuchlabel@' is refused naming the branch, like downgrade, and runs nothing",
    files: linear,
    prepare: [["upgrade", "0001"]],
    args: ["upgrade", "nosuchlabel@"],
    exit: 2,
    names: ["No such branch: 'nosuchlabel'"],
  },
  {
    name: "upgrade --sql x@ prints nothing and names the branch",
    files: linear,
    database: "none",
    args: ["upgrade", "--sql", "x@"],
    exit: 2,
    names: ["No such branch: 'x'"],
  },
  {
    name: "show x@ names the branch",
    files: linear,
    database: "none",
    args: ["show", "x@"],
    exit: 2,
    names: ["No such branch: 'x'"],
  },
  {
    name: "stamp --sql @ says a label goes before the '@' instead of listing every revision",
    files: linear,
    database: "none",
    args: ["stamp", "--sql", "@"],
    exit: 2,
    names: ["'@' has nothing before '@'", "<label>@head"],
  },
  {
    // The kernel caps one argument at 128 KiB; the graph's own test takes 1,000,000 characters.
    name: "a 100,000-character id is echoed cut to 80 characters with its length",
    files: linear,
    database: "none",
    args: ["upgrade", "--sql", "f".repeat(100_000)],
    exit: 2,
    names: [`'${"f".repeat(80)}… (100000 characters)'`],
  },
  {
    name: "downgrade --sql with a 100,000-character target and no range echoes it cut, in the error and in the example",
    files: linear,
    database: "none",
    args: ["downgrade", "--sql", "f".repeat(100_000)],
    exit: 2,
    names: [`'${"f".repeat(80)}… (100000 characters)' says only where the script ends`, /athanor downgrade \S+:<torev> --sql/],
    maxStderr: 1_000,
  },
  {
    name: "a 100,000-character argument that looks like an option is echoed cut, not whole",
    files: linear,
    database: "none",
    args: ["upgrade", "--sql", "-1".repeat(50_000)],
    exit: 2,
    names: [`Invalid option name ("${"-1".repeat(40)}… (100000 characters)")`],
    maxStderr: 1_000,
  },
  {
    name: "show heads-1 with two heads names the forms that count from one head",
    files: twoHeads,
    database: "none",
    args: ["show", "heads-1"],
    exit: 2,
    names: ["'heads-1' counts from one revision", "0a03-1"],
  },
  {
    name: "history -r -1 says a range needs a colon and which two it can be",
    files: linear,
    database: "none",
    args: ["history", "-r", "-1"],
    exit: 2,
    names: ["Range '-1' must have the form", "`-1:`", "`:-1`"],
  },
  {
    name: "show -- without a revision says what to type",
    files: linear,
    database: "none",
    args: ["show", "--"],
    exit: 2,
    names: ["show needs a revision", "athanor show head"],
  },
  {
    name: "a reversed offline range is refused naming the two requests it may have meant",
    files: linear,
    database: "none",
    args: ["upgrade", "0003:0001", "--sql"],
    exit: 2,
    names: ["Upgrade range 0003:0001 goes down", "athanor downgrade 0003:0001 --sql", "athanor upgrade 0001:0003 --sql"],
  },
  {
    name: "sql head:0002 is refused the same way",
    files: linear,
    database: "none",
    args: ["sql", "head:0002"],
    exit: 2,
    names: ["Upgrade range head:0002 goes down", "athanor upgrade 0002:head --sql"],
  },
  {
    name: "stamp with a range online is refused naming the argument and the stamp it may have meant",
    files: linear,
    prepare: [["upgrade", "0001"]],
    args: ["stamp", "0001:0002"],
    exit: 2,
    names: ["Range revision not allowed: '0001:0002'", "athanor stamp 0002", "--sql"],
  },
  {
    name: "stamp with a range on the embedded database is refused the same way",
    files: linear,
    database: "pglite",
    prepare: [["upgrade", "0001"]],
    args: ["stamp", "0002", "0001:0003"],
    exit: 2,
    names: ["Range revision not allowed: '0001:0003'", "athanor stamp 0003"],
  },
  {
    name: "stamp --sql with two different starting revisions is refused naming both ranges",
    files: linear,
    database: "none",
    args: ["stamp", "0001:0002", "0002:0003", "--sql"],
    exit: 2,
    names: ["Stamp operation with --sql only supports a single starting revision at a time", "'0001:0002' and '0002:0003'"],
  },
  {
    name: "stamp heads:0001 --sql with two heads says the script starts from one revision",
    files: twoHeads,
    database: "none",
    args: ["stamp", "heads:0001", "--sql"],
    exit: 2,
    names: ["Multiple head revisions are present for given argument 'heads'", "athanor stamp 0a03:<torev> --sql"],
  },
  {
    name: "stamp 0001: --sql is refused: the range has no end",
    files: linear,
    database: "none",
    args: ["stamp", "0001:", "--sql"],
    exit: 2,
    names: ["Stamp range '0001:' has no end revision"],
  },
  {
    name: "stamp --purge with a range is refused: the two name different starts",
    files: linear,
    database: "none",
    args: ["stamp", "--purge", "0001:0002", "--sql"],
    exit: 2,
    names: ["--purge cannot be combined with the range '0001:0002'", "athanor stamp --purge 0002 --sql"],
  },
];

describe("bad rev specs", { concurrency: 4 }, () => {
  before(ensureBuilt);
  for (const input of cases) {
    test(input.name, { todo: input.todo }, async () => {
      await checkBadInput(input);
    });
  }
});
