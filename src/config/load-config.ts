// Merges athanor's configuration sources, highest first: command-line overrides, the
// environment (DATABASE_URL), the config file, the dotenv files (secrets/.env, then .env). Each
// source is validated on its own, so an error names the place it came from.
import path from "node:path";
import type { z } from "zod";
import { errors } from "../error-factories.js";
import { findConfigFile, importConfigFile } from "./config-file.js";
import { type AthanorConfigInput, type AthanorSettings, configSchema, defaultSettings } from "./config-schema.js";
import { type EnvFile, readEnvFile } from "./env-file.js";
import { DEFAULT_ENV_FILE, ROOT_ENV_FILE } from "./defaults.js";

export type DatabaseUrlSource = "override" | "environment" | "config file" | "env file";

/** Where the database URL was set, for messages that must not print the URL itself. */
export interface DatabaseUrlOrigin {
  /** `DATABASE_URL in secrets/.env`, `--url`, `databaseUrl in athanor.config.ts`. */
  readonly shown: string;
  /** Something known to have gone wrong there (a value cut at an unquoted `#`). */
  readonly note?: string;
}

export interface AthanorConfig extends AthanorSettings {
  /** The project directory every relative path is resolved against. */
  readonly cwd: string;
  /** Absolute path of the config file read, or null when there is none. */
  readonly configFile: string | null;
  /** Where databaseUrl came from; undefined when there is none (the embedded PGlite default). */
  readonly databaseUrlSource: DatabaseUrlSource | undefined;
  /** The same, as a user names it: the variable or option and the file. */
  readonly databaseUrlOrigin: DatabaseUrlOrigin | undefined;
  /** Notices for stderr (the loader never prints). */
  readonly warnings: readonly string[];
}

export interface LoadConfigOptions {
  cwd?: string;
  /** Values from command-line options; undefined members are ignored. */
  overrides?: AthanorConfigInput;
  /** An explicit config file (--config), relative to cwd. */
  configFile?: string;
  /** The environment to read DATABASE_URL from; process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The validated configuration of the project in `cwd`.
 *
 * ### Examples
 * ```ts
 * const config = await loadConfig({ cwd: process.cwd(), overrides: { databaseUrl: flags.url } });
 * for (const warning of config.warnings) console.error(warning);
 * ```
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<AthanorConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const overrides = withoutUndefined(options.overrides ?? {});
  if (Object.keys(overrides).length > 0) validateOverrides(overrides);

  const configFile = findConfigFile(cwd, options.configFile);
  // Every relative path (versions, env files, the embedded database) is the config file's
  // folder's, wherever athanor is run from.
  const root = configFile === null ? cwd : path.dirname(configFile);
  let fromFile: Record<string, unknown> = {};
  const configShown = configFile === null ? "" : path.relative(cwd, configFile) || configFile;
  if (configFile !== null) {
    const shown = configShown;
    const raw = await importConfigFile(configFile, shown);
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      throw errors.configInvalid(`${shown}: the default export must be an object, got ${raw === null ? "null" : typeof raw}`, {
        hint: "export default defineConfig({ ... })",
      });
    }
    fromFile = withoutUndefined(raw as Record<string, unknown>);
    validate(fromFile, shown, `fix ${shown}`);
  }

  const configured = (overrides.envFile ?? fromFile.envFile) as string | undefined;
  const envFiles = await readEnvFiles(root, cwd, configured === undefined ? defaultEnvFiles : [configured]);
  const envFile = envFiles.find((file) => nonEmpty(file.values.DATABASE_URL) !== undefined);
  const envFileSetting = envFile?.shown ?? configured ?? defaultEnvFiles[0];

  const candidates: [DatabaseUrlSource, unknown][] = [
    ["override", overrides.databaseUrl],
    ["environment", nonEmpty(env.DATABASE_URL)],
    ["config file", fromFile.databaseUrl],
    ["env file", nonEmpty(envFile?.values.DATABASE_URL)],
  ];
  const chosen = candidates.find(([, value]) => value !== undefined);
  const warnings = envFiles.flatMap((file) => file.warnings);
  if (chosen?.[0] === "env file") warnings.push(...shadowedUrls(envFiles, envFile!));
  const merged = { ...fromFile, ...overrides, databaseUrl: chosen?.[1] };
  const settings = settingsOf(withoutUndefined(merged));
  return {
    ...settings,
    cwd: root,
    configFile,
    databaseUrlSource: chosen?.[0],
    databaseUrlOrigin:
      chosen === undefined ? undefined : originOf(chosen[0], configShown, envFileSetting, envFile?.cutAtHash.includes("DATABASE_URL") ?? false),
    warnings,
  };
}

/** Read when the config names no envFile: athanor's secrets file first, then the project's `.env`. */
const defaultEnvFiles = [DEFAULT_ENV_FILE, ROOT_ENV_FILE] as const;

type ShownEnvFile = EnvFile & { readonly shown: string };

async function readEnvFiles(root: string, cwd: string, names: readonly string[]): Promise<ShownEnvFile[]> {
  const files: ShownEnvFile[] = [];
  for (const name of names) {
    const absolute = path.resolve(root, name);
    const shown = path.relative(cwd, absolute) || name;
    const file = await readEnvFile(absolute, shown);
    if (file !== null) files.push({ ...file, shown });
  }
  return files;
}

/** Another env file's different DATABASE_URL is not used: say which file won, never the URLs. */
function shadowedUrls(files: readonly ShownEnvFile[], winner: ShownEnvFile): string[] {
  const url = winner.values.DATABASE_URL;
  return files
    .filter((file) => file !== winner && nonEmpty(file.values.DATABASE_URL) !== undefined && file.values.DATABASE_URL !== url)
    .map((file) => `DATABASE_URL is set in both ${winner.shown} and ${file.shown}: using ${winner.shown}'s`);
}

function originOf(source: DatabaseUrlSource, configShown: string, envFileShown: string, cutAtHash: boolean): DatabaseUrlOrigin {
  switch (source) {
    case "override":
      return { shown: "--url" };
    case "environment":
      return { shown: "DATABASE_URL in the environment" };
    case "config file":
      return { shown: `databaseUrl in ${configShown}` };
    case "env file":
      return cutAtHash
        ? {
            shown: `DATABASE_URL in ${envFileShown}`,
            note: `its value in ${envFileShown} has an unquoted \`#\`, which starts a comment there and cut the URL short: put the value in double quotes (DATABASE_URL="…") or write # as %23`,
          }
        : { shown: `DATABASE_URL in ${envFileShown}` };
  }
}

/** The merged sources, validated; a project that sets nothing but a database URL needs no schema. */
function settingsOf(merged: Record<string, unknown>): AthanorSettings {
  const { databaseUrl, ...rest } = merged;
  if (Object.keys(rest).length === 0 && (databaseUrl === undefined || (typeof databaseUrl === "string" && databaseUrl !== ""))) {
    return databaseUrl === undefined ? defaultSettings() : { ...defaultSettings(), databaseUrl };
  }
  return validate(merged, "the configuration", "check DATABASE_URL and athanor.config.ts");
}

function validate(value: Record<string, unknown>, where: string, hint: string): AthanorSettings {
  const result = configSchema().safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map(describeIssue);
  throw errors.configInvalid(`invalid configuration in ${where}: ${problems.join("; ")}`, {
    hint,
    details: { where, issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
  });
}

/** The command-line option each override comes from, for messages. */
const optionOf: Record<string, string> = {
  databaseUrl: "--url",
  lockTimeout: "--lock-timeout",
  statementTimeout: "--statement-timeout",
  connectTimeout: "--connect-timeout",
  waitForDatabase: "--wait-for-database",
  lock: "--lock",
  strict: "--strict",
  transactionMode: "--transaction",
};

/** A bad option value is a bad request (exit 2) naming the option, not an invalid configuration. */
function validateOverrides(overrides: Record<string, unknown>): void {
  const result = configSchema().safeParse(overrides);
  if (result.success) return;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.map(String).join(".");
    const option = optionOf[key] ?? key;
    return { option, text: `${option}: ${issue.message}` };
  });
  const durations = problems.some(({ option }) => option.endsWith("-timeout") || option === "--wait-for-database");
  throw errors.usage(`invalid value for ${problems.map((p) => p.text).join("; ")}`, {
    hint: durations
      ? "a duration is a number of milliseconds or a number with a unit: 500ms, 30s, 2min, 1h (e.g. --lock-timeout 30s)"
      : `check the value of ${problems.map((p) => p.option).join(", ")} (\`athanor <command> --help\` lists the accepted values)`,
    details: { issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${at ? `${at}.` : ""}${key}: unknown setting`).join("; ");
  }
  return `${at || "(top level)"}: ${issue.message}`;
}

function withoutUndefined<T extends object>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
