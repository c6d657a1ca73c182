// Reads the project's dotenv file (secrets/.env by default) into a plain object,
// without touching process.env: the values are the config loader's, nobody else's.
import { readFileSync, statSync } from "node:fs";
import { errors } from "../error-factories.js";

export interface EnvFile {
  readonly path: string;
  readonly values: Record<string, string>;
  /** Notices for the user, e.g. a secrets file other users can read. */
  readonly warnings: readonly string[];
  /** Variables whose unquoted value holds a `#`: dotenv reads it as a comment and cuts the value there. */
  readonly cutAtHash: readonly string[];
}

/** The parsed file, or null when it does not exist. `shown` is the path as users see it. */
export async function readEnvFile(absolutePath: string, shown: string): Promise<EnvFile | null> {
  let mode: number;
  try {
    const stat = statSync(absolutePath);
    if (!stat.isFile()) return null;
    mode = stat.mode;
  } catch {
    return null;
  }
  let text: string;
  try {
    text = readFileSync(absolutePath, "utf8");
  } catch (cause) {
    throw errors.configInvalid(`cannot read ${shown}: ${(cause as Error).message}`, {
      hint: `check the file's permissions, or point envFile in athanor.config.ts elsewhere`,
      cause,
    });
  }
  const { parse } = await import("dotenv");
  const warnings: string[] = [];
  // A secrets file any local user can read leaks the database password.
  if ((mode & 0o004) !== 0) {
    warnings.push(`${shown} is readable by every user on this machine; run \`chmod 600 ${shown}\``);
  }
  return { path: absolutePath, values: parse(text), warnings, cutAtHash: cutAtHash(text) };
}

/** `KEY=abc#def` is `abc` to dotenv: a password with a `#` loses its tail without a word. */
function cutAtHash(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (match && !/^['"`]/.test(match[2]!) && /\S#/.test(match[2]!)) names.push(match[1]!);
  }
  return names;
}
