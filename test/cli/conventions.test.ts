// What every command promises (README.md, STYLE.md "CLI output"): --help with examples,
// exit code 2 and a hint for a wrong command line, JSON that parses, no colour off a TTY or
// with NO_COLOR, no stack trace without --debug, and no connection where none is needed.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addRevision, createProject, postgresEngine, sampleGraph, shown, type EngineDatabase, type TempProject } from "./run-cli.js";

const commands = [
  "upgrade",
  "downgrade",
  "current",
  "history",
  "heads",
  "branches",
  "show",
  "stamp",
  "sql",
  "reset",
  "revision",
  "generate",
  "merge",
  "squash",
  "check",
  "test",
  "init",
];

// Nothing listens on port 1: a URL that any connection attempt fails on.
const closedUrl = "postgres://app@127.0.0.1:1/app";
const ansi = /\u001b\[/;
const stackFrame = /^\s+at .+[:(]/m;

let project: TempProject;
let db: EngineDatabase;

before(async () => {
  project = createProject({ example: true });
  db = await postgresEngine.open(project);
  assert.equal((await project.run(["upgrade", "--url", db.url])).code, 0);
});
after(async () => {
  await db.drop();
  project.remove();
});

describe("--help", { concurrency: true }, () => {
  for (const command of commands) {
    test(`${command} --help exits 0 and shows an example`, async () => {
      const help = await project.run([command, "--help"]);
      assert.equal(help.code, 0, shown(help));
      assert.match(help.stdout, /Examples/);
      assert.match(help.stdout, new RegExp(`\\$ athanor ${command}\\b`));
    });
  }

  test("help names every option value instead of clipanion's #0, and usage lines keep required options", async () => {
    for (const command of ["--help", "revision --help", "merge --help", "upgrade --help"]) {
      const help = await project.run(command.split(" "));
      assert.doesNotMatch(help.stdout, /#\d/, `${command}\n${help.stdout}`);
    }
    const revision = await project.run(["revision", "--help"]);
    assert.match(revision.stdout, /^\$ athanor revision -m,--message <text>/m);
    assert.match(revision.stdout, /^ {2}--url <url> /m);
  });

  test("athanor help and athanor help <command> work like --help; -V prints the version", async () => {
    const all = await project.run(["help"]);
    assert.equal(all.code, 0, shown(all));
    for (const command of commands) assert.match(all.stdout, new RegExp(`athanor ${command}\\b`));
    const one = await project.run(["help", "upgrade"]);
    assert.equal(one.code, 0, shown(one));
    assert.equal(one.stdout, (await project.run(["upgrade", "--help"])).stdout);
    const unknown = await project.run(["help", "upgrayedd"]);
    assert.equal(unknown.code, 2, shown(unknown));
    assert.match(unknown.stderr, /^error: athanor has no command upgrayedd$/m);
    const version = await project.run(["-V"]);
    assert.equal(version.code, 0, shown(version));
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });

  test("sql --help lists no connection options: it never connects", async () => {
    const help = await project.run(["sql", "--help"]);
    for (const option of ["--url", "--lock", "--lock-timeout", "--statement-timeout", "--strict"]) {
      assert.doesNotMatch(help.stdout, new RegExp(`^ +${option}\\b`, "m"), option);
    }
  });

  test("athanor --help lists every command", async () => {
    const help = await project.run(["--help"]);
    assert.equal(help.code, 0, shown(help));
    for (const command of commands) assert.match(help.stdout, new RegExp(`athanor ${command}\\b`));
  });
});

describe("a wrong command line", { concurrency: true }, () => {
  test("an unknown command exits 2 with a hint", async () => {
    const result = await project.run(["upgrayedd"]);
    assert.equal(result.code, 2, shown(result));
    assert.match(result.stderr, /Command not found/);
    assert.match(result.stderr, /^hint: `athanor --help` lists the commands/m);
  });

  test("a missing required option is named, with what it is for and the usage line", async () => {
    for (const args of [["revision"], ["merge", "heads"]]) {
      const result = await project.run(args);
      assert.equal(result.code, 2, shown(result));
      assert.match(result.stderr, /^error: missing required option -m,--message <text>: /m, shown(result));
      assert.match(result.stderr, new RegExp(`^\\$ athanor ${args[0]} .*-m,--message <text>`, "m"), shown(result));
      assert.doesNotMatch(result.stderr, /Command not found/);
    }
  });

  test("an unknown option exits 2 with a hint", async () => {
    const result = await project.run(["upgrade", "--bogus"]);
    assert.equal(result.code, 2, shown(result));
    assert.match(result.stderr, /Unsupported option name \("--bogus"\)/);
    assert.match(result.stderr, /^hint: /m);
  });

  test("a bad option value exits 2", async () => {
    const result = await project.run(["upgrade", "--sql", "--transaction", "sometimes"]);
    assert.equal(result.code, 2, shown(result));
  });
});

describe("the database in use", () => {
  test("every online command names it on stderr (host:port/db and where it was set, never the password); --sql names none", async () => {
    const { host, port, pathname } = new URL(db.url);
    const shownTarget = `${host.replace(/:\d+$/, "")}:${port}/${pathname.slice(1)}`;
    for (const command of ["current", "status", "upgrade", "check"]) {
      const result = await project.run([command, "--url", db.url]);
      assert.match(result.stderr, new RegExp(`^Database: ${shownTarget.replace(/[.]/g, "\\.")} \\(--url\\)$`, "m"), `${command}\n${shown(result)}`);
    }
    const fromEnv = await project.run(["current"], { DATABASE_URL: db.url });
    assert.match(fromEnv.stderr, /^Database: .* \(DATABASE_URL in the environment\)$/m, shown(fromEnv));
    const offline = await project.run(["upgrade", "--sql", "--url", db.url]);
    assert.doesNotMatch(offline.stderr, /^Database:/m, shown(offline));
  });

  test("DATABASE_URL in the project's .env is used, not the embedded database", async () => {
    const other = createProject({ example: true });
    try {
      other.write(".env", `DATABASE_URL=${db.url}\n`);
      const result = await other.run(["current"]);
      assert.equal(result.code, 0, shown(result));
      assert.match(result.stderr, /^Database: .* \(DATABASE_URL in \.env\)$/m, shown(result));
      assert.match(result.stdout, /0002/, "the database the example project was upgraded on");
      assert.equal(other.exists(".athanor"), false, "no embedded database was made");
    } finally {
      other.remove();
    }
  });
});

describe("--json", { concurrency: true }, () => {
  const jsonOf = async (args: string[]) => {
    const result = await project.run([...args, "--json"]);
    assert.equal(result.code, 0, shown(result));
    return JSON.parse(result.stdout) as unknown;
  };

  test("heads, history and show print JSON with the revisions", async () => {
    const heads = (await jsonOf(["heads"])) as { revision: string; isHead: boolean }[];
    assert.deepEqual(
      heads.map((h) => [h.revision, h.isHead]),
      [["0002", true]],
    );
    const history = (await jsonOf(["history"])) as { revision: string; path: string }[];
    assert.deepEqual(
      history.map((h) => h.revision),
      ["0002", "0001"],
    );
    assert.match(history[1]!.path, /^versions\/.*_0001_initial_schema\.ts$/);
    const show = (await jsonOf(["show", "0001"])) as { revision: string; message: string }[];
    assert.deepEqual(
      show.map((s) => [s.revision, s.message]),
      [["0001", "initial_schema"]],
    );
  });

  test("current and check print JSON about the database", async () => {
    const current = (await jsonOf(["current", "--url", db.url])) as { current: { revision: string }[] };
    assert.deepEqual(
      current.current.map((c) => c.revision),
      ["0002"],
    );
    const check = (await jsonOf(["check", "--url", db.url])) as { ok: boolean };
    assert.equal(check.ok, true);
  });
});

describe("colour", { concurrency: true }, () => {
  // A colour terminal named in TERM must not matter when the output is a pipe.
  const colourTerm = { TERM: "xterm-256color" };
  const cases: string[][] = [
    ["--help"],
    ["upgrade", "--help"],
    ["upgrayedd"],
    ["show", "0009"],
    ["history"],
    ["current", "--url", closedUrl],
    ["upgrade", "head", "--sql"],
  ];

  for (const args of cases) {
    test(`no ANSI codes from \`${args.join(" ")}\` when output is not a terminal`, async () => {
      const result = await project.run(args, colourTerm);
      assert.doesNotMatch(result.stdout, ansi, shown(result));
      assert.doesNotMatch(result.stderr, ansi, shown(result));
    });
  }

  test("NO_COLOR wins over FORCE_COLOR", async () => {
    const forced = await project.run(["show", "0009"], { FORCE_COLOR: "1" });
    assert.match(forced.stderr, ansi, "FORCE_COLOR alone colours the error");
    for (const args of [["show", "0009"], ["--help"], ["upgrayedd"]]) {
      const result = await project.run(args, { FORCE_COLOR: "1", NO_COLOR: "1" });
      assert.doesNotMatch(result.stdout + result.stderr, ansi, shown(result));
    }
  });
});

describe("errors", { concurrency: true }, () => {
  test("a user mistake prints error and hint, no stack trace; --debug adds it", async () => {
    const plain = await project.run(["show", "0009"]);
    assert.equal(plain.code, 2, shown(plain));
    assert.match(plain.stderr, /^error: Can't locate revision identified by '0009'/m);
    assert.doesNotMatch(plain.stderr, stackFrame);
    const debug = await project.run(["show", "0009", "--debug"]);
    assert.equal(debug.code, 2, shown(debug));
    assert.match(debug.stderr, stackFrame);
  });

  test("a connection failure exits 4 without a stack trace; --debug adds it", async () => {
    const plain = await project.run(["upgrade", "--url", closedUrl]);
    assert.equal(plain.code, 4, shown(plain));
    assert.match(plain.stderr, /^error: cannot connect to 127\.0\.0\.1:1/m);
    assert.match(plain.stderr, /^hint: /m);
    assert.doesNotMatch(plain.stderr, stackFrame);
    const debug = await project.run(["upgrade", "--url", closedUrl, "--debug"]);
    assert.equal(debug.code, 4, shown(debug));
    assert.match(debug.stderr, stackFrame);
  });

  test("a broken revision file exits 3 naming the file, without a stack trace", async () => {
    const broken = createProject();
    try {
      addRevision(broken, sampleGraph[0]!);
      addRevision(broken, { id: "0002", down: "0099", message: "orphan" });
      const result = await broken.run(["heads"]);
      assert.equal(result.code, 3, shown(result));
      assert.match(result.stderr, /0099/);
      assert.match(result.stderr, /versions\/0002_orphan\.ts/);
      assert.doesNotMatch(result.stderr, stackFrame);
    } finally {
      broken.remove();
    }
  });
});

describe("commands that need no connection make none", { concurrency: true }, () => {
  const readOnly: string[][] = [["heads"], ["history"], ["history", "--verbose"], ["branches"], ["show", "0002"], ["heads", "--json"]];
  for (const args of readOnly) {
    test(`\`${args.join(" ")}\` works with DATABASE_URL on a closed port`, async () => {
      const result = await project.run(args, { DATABASE_URL: closedUrl });
      assert.equal(result.code, 0, shown(result));
      // The example project has no branch point, so `branches` rightly prints nothing.
      if (args[0] !== "branches") assert.notEqual(result.stdout, "");
    });
  }

  const offline: string[][] = [
    ["sql"],
    ["sql", "0001"],
    ["upgrade", "--sql"],
    ["upgrade", "0001:head", "--sql"],
    ["downgrade", "0002:0001", "--sql"],
    ["stamp", "0002", "--sql"],
    ["reset", "--sql"],
  ];
  for (const args of offline) {
    test(`\`${args.join(" ")}\` prints SQL without connecting, to a closed port or to the embedded database`, async () => {
      const closed = await project.run(args, { DATABASE_URL: closedUrl });
      assert.equal(closed.code, 0, shown(closed));
      assert.match(closed.stdout, /alembic_version/);
      const scratch = createProject({ example: true });
      try {
        const embedded = await scratch.run(args);
        assert.equal(embedded.code, 0, shown(embedded));
        assert.equal(embedded.stdout, closed.stdout);
        assert.ok(!scratch.exists(".athanor"), "the embedded database was not created");
        assert.doesNotMatch(embedded.stderr, /embedded database/);
      } finally {
        scratch.remove();
      }
    });
  }
});
