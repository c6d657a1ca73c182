import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseDatabaseUrl, redactUrl } from "../../src/runtime/database-url.js";
import { AthanorError } from "../../src/errors.js";

describe("parseDatabaseUrl", () => {
  const cases: [string, Record<string, unknown>][] = [
    [
      "postgres://app:pw@db.internal:6543/shop",
      { kind: "postgres", host: "db.internal", port: 6543, database: "shop", user: "app", description: "db.internal:6543/shop" },
    ],
    ["postgresql://app@localhost/app", { kind: "postgres", port: 5432, description: "localhost:5432/app" }],
    ["postgresql+asyncpg://app:pw@db:5432/app", { kind: "postgres", connectionString: "postgresql://app:pw@db:5432/app", description: "db:5432/app" }],
    ["postgresql+psycopg://app:pw@db/app?sslmode=verify-full", { connectionString: "postgresql://app:pw@db/app?sslmode=verify-full" }],
    ["postgresql+asyncpg://app:pw@db/app?ssl=require", { connectionString: "postgresql://app:pw@db/app?sslmode=require" }],
    ["postgresql://app@/app?host=/var/run/postgresql", { host: "/var/run/postgresql", description: "/var/run/postgresql:5432/app" }],
    ["postgresql://app:pw@db", { database: "app", description: "db:5432/app" }],
    ["pglite://memory", { kind: "pglite", dataDir: null, embeddedDefault: false }],
    ["pglite://data/pg", { kind: "pglite", dataDir: "/project/data/pg", description: "pglite:data/pg" }],
    ["pglite:///var/lib/app", { kind: "pglite", dataDir: "/var/lib/app" }],
  ];
  for (const [url, expected] of cases) {
    test(`reads ${redactUrl(url)}`, () => {
      const target = parseDatabaseUrl(url, "/project") as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(target[key], value, key);
    });
  }

  test("no URL is the embedded PGlite in .athanor/pglite, flagged so the CLI can say so", () => {
    assert.deepEqual(parseDatabaseUrl(undefined, "/project"), {
      kind: "pglite",
      dataDir: "/project/.athanor/pglite",
      description: "pglite:.athanor/pglite",
      embeddedDefault: true,
    });
  });

  test("an unsupported scheme is CONFIG_INVALID naming the scheme without the password", () => {
    assert.throws(
      () => parseDatabaseUrl("mysql://root:hunter2@db/app", "/p"),
      (error: unknown) =>
        error instanceof AthanorError && error.code === "CONFIG_INVALID" && /"mysql"/.test(error.message) && !error.message.includes("hunter2"),
    );
  });
});

describe("redactUrl", () => {
  const cases: [string, string][] = [
    ["postgres://app:hunter2@db:5432/app", "postgres://app:***@db:5432/app"],
    ["postgresql+asyncpg://app:hunter2@db/app", "postgresql+asyncpg://app:***@db/app"],
    ["postgres://app:hun%40ter2@db/app", "postgres://app:***@db/app"],
    ["postgres://app@db/app?password=hunter2", "postgres://app@db/app?password=***"],
    ["postgres://app:hunter2@[broken/app", "postgres://app:***@[broken/app"],
    ["host=db user=app password=hunter2 dbname=app", "host=db user=app password=*** dbname=app"],
    ["postgres://db/app", "postgres://db/app"],
  ];
  for (const [url, expected] of cases) {
    test(`hides the password in ${expected}`, () => {
      const shown = redactUrl(url);
      assert.equal(shown, expected);
      assert.ok(!shown.includes("hunter2"));
    });
  }
});
