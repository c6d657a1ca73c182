// The shape of athanor's configuration and its defaults, as a zod schema. The loader
// (load-config.ts) merges the sources; this file only says what a valid value is. The
// schema is built on first use (zod-loader.ts): a project without a config file or
// options has nothing to validate.
import type { IncludeFunction } from "../autogenerate/include-rules.js";
import { parseDuration } from "./duration.js";
import { zod } from "./zod-loader.js";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_ENV_FILE,
  DEFAULT_HISTORY_TABLE,
  DEFAULT_REVISION_IDS,
  DEFAULT_SCHEMAS,
  DEFAULT_TRANSACTION_MODE,
  DEFAULT_VERSION_LOCATIONS,
  DEFAULT_VERSION_TABLE,
} from "./defaults.js";

function buildConfigSchema() {
  const { z } = zod();
  const duration = z.union([z.number(), z.string()]).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: "custom", message: `expected a duration like 5000, "500ms", "10s" or "2min", got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return ms;
  });

  const identifier = z.string().min(1).max(63);
  const patterns = z.array(
    z
      .string()
      .min(1)
      .regex(/^!?[^!]+$/, 'a glob like "legacy_*", "billing.*" or "!tmp_*"'),
  );

  return z
    .object({
      /** Directories holding revision files, relative to the project directory. */
      versionLocations: z
        .array(z.string().min(1))
        .min(1)
        .default([...DEFAULT_VERSION_LOCATIONS]),
      /** Also scan subdirectories of each version location. */
      recursiveVersionLocations: z.boolean().default(false),
      /** How `revision`/`generate`/`merge` pick new ids: 12 random hex digits, or 0001, 0002, … */
      revisionIds: z.enum(["random", "sequential"]).default(DEFAULT_REVISION_IDS),
      /** A directory with revision.ts.tmpl / revision.sql.tmpl overriding the built-in templates. */
      templatesDir: z.string().min(1).optional(),
      /** Modules exporting the models autogenerate compares with the database. */
      models: z.array(z.string().min(1)).default([]),
      /** Schemas autogenerate always compares; the first is where models without a schema live. */
      schemas: z
        .array(identifier)
        .min(1)
        .default([...DEFAULT_SCHEMAS]),
      /** Which database objects autogenerate compares, and which tables only the database has it may drop (README, Filters). */
      include: z
        .object({
          /** Other database schemas looked at (globs, `!` leaves out); default every schema but PostgreSQL's own. */
          schemas: patterns.optional(),
          /** Globs over `name` or `schema.name`: a match only in the database is dropped; `!` leaves matches out. */
          tables: patterns.optional(),
          /** Asked about every table, column, key, constraint, index and enum: false leaves it out, true compares it. */
          object: z.custom<IncludeFunction>((value) => typeof value === "function", { message: "expected a function (object) => boolean" }).optional(),
        })
        .strict()
        .optional(),
      /** Alembic's version table; keep the default to share a database with Alembic. */
      versionTable: z
        .object({ name: identifier.default(DEFAULT_VERSION_TABLE), schema: identifier.optional() })
        .strict()
        .default({ name: DEFAULT_VERSION_TABLE }),
      /**
       * The table recording every step that ran (revision, direction, file checksum, who,
       * when, how long); it lives in the version table's schema. Alembic ignores it.
       * false: keep no history (offline scripts then print Alembic's statements only).
       */
      historyTable: z.union([identifier, z.literal(false)]).default(DEFAULT_HISTORY_TABLE),
      /** true: a revision file edited after it was applied is an error, not a warning. */
      strict: z.boolean().default(false),
      /** The dotenv file DATABASE_URL is read from when the environment has none. */
      envFile: z.string().min(1).default(DEFAULT_ENV_FILE),
      /** postgres://…, postgresql+asyncpg://…, pglite://path, pglite://memory. */
      databaseUrl: z.string().min(1).optional(),
      /** "each": a transaction per revision (default); "all": the whole plan in one. */
      transactionMode: z.enum(["each", "all"]).default(DEFAULT_TRANSACTION_MODE),
      /** How long to wait for another run's lock; also Postgres's lock_timeout when set. */
      lockTimeout: duration.optional(),
      /** Postgres's statement_timeout for the run, when set. */
      statementTimeout: duration.optional(),
      connectTimeout: duration.default(DEFAULT_CONNECT_TIMEOUT_MS),
      /** Keep retrying the connection this long while the server comes up (containers); default: one try. */
      waitForDatabase: duration.optional(),
      /** The databases or schemas upgrade, downgrade, current, status, check and sql run on: a --targets SPEC, or its items as a list (README, Many targets). */
      targets: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
      /** false: do not take the advisory lock (only when something else serialises runs). */
      lock: z.boolean().default(true),
      /** `athanor lint`: rule ids turned off for every revision (README, Linting revisions). */
      lint: z
        .object({ disable: z.array(z.string().min(1)).default([]) })
        .strict()
        .optional(),
    })
    .strict();
}

type ConfigSchema = ReturnType<typeof buildConfigSchema>;

let schema: ConfigSchema | undefined;

/** The zod schema of athanor.config.ts and the command-line overrides. */
export function configSchema(): ConfigSchema {
  schema ??= buildConfigSchema();
  return schema;
}

/**
 * The settings of a project that configures nothing: what the schema gives for `{}`
 * (config-schema.test.ts holds the two equal), without loading zod to find out.
 */
export function defaultSettings(): AthanorSettings {
  return {
    versionLocations: [...DEFAULT_VERSION_LOCATIONS],
    recursiveVersionLocations: false,
    revisionIds: DEFAULT_REVISION_IDS,
    models: [],
    schemas: [...DEFAULT_SCHEMAS],
    versionTable: { name: DEFAULT_VERSION_TABLE },
    historyTable: DEFAULT_HISTORY_TABLE,
    strict: false,
    envFile: DEFAULT_ENV_FILE,
    transactionMode: DEFAULT_TRANSACTION_MODE,
    connectTimeout: DEFAULT_CONNECT_TIMEOUT_MS,
    lock: true,
  };
}

/** What a config file may contain (everything optional, durations as numbers or strings). */
export type AthanorConfigInput = import("zod").input<ConfigSchema>;
/** The validated settings, defaults filled in, durations in milliseconds. */
export type AthanorSettings = import("zod").output<ConfigSchema>;

/**
 * Identity function that gives a config file its types:
 *
 * ### Examples
 * ```ts
 * import { defineConfig } from "athanor";
 * export default defineConfig({ versionLocations: ["versions"], transactionMode: "each" });
 * ```
 */
export function defineConfig(config: AthanorConfigInput): AthanorConfigInput {
  return config;
}
