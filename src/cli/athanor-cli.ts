// clipanion's Cli with the help text a user can read: option values named for what they
// take (`--url <url>`, not clipanion's `--url #0`), required options kept in a command's
// usage line (clipanion moves every described option to the list below it), and a
// missing required option named as such instead of "Command not found".
import { Cli, type BaseContext } from "clipanion";

/** What each option's value is, shown in place of clipanion's `#0`. */
const valueNames: Record<string, string> = {
  "-c,--config": "file",
  "--url": "url",
  "--lock-timeout": "duration",
  "--statement-timeout": "duration",
  "--wait-for-database": "duration",
  "-o,--output": "file",
  "--transaction": "each|all",
  "-m,--message": "text",
  "--rev-id": "id",
  "--head": "rev",
  "--branch-label": "label",
  "--depends-on": "rev",
  "--version-path": "dir",
  "-r,--rev-range": "range",
  "--out": "dir",
  "--schema": "schema",
};

/**
 * `--url #0` → `--url <url>` wherever clipanion wrote an option's value slot; a required
 * option, which clipanion wraps in `<…>`, is shown bare (`-m,--message <text>`), the way
 * usage lines mark optional parts with brackets and leave required ones plain.
 */
export function namePlaceholders(text: string): string {
  return (
    text
      // The lookbehind starts a match only where a run of name characters starts: without it
      // every position of a long echoed argument ("------…") rescans the run (quadratic).
      .replace(/(?<![\w-])(-[\w-]*(?:,--[\w-]+)?) #\d+/g, (_all, names: string) => `${names} <${valueNames[names] ?? "value"}>`)
      .replace(/<(-[\w,-]+ <[^<>]+>)>/g, "$1")
  );
}

type Usage = ReturnType<Cli<BaseContext>["definitions"]>[number];

export class AthanorCli extends Cli<BaseContext> {
  protected override getUsageByIndex(n: number, opts?: { detailed?: boolean; inlineOptions?: boolean }) {
    const { usage, options } = super.getUsageByIndex(n, opts);
    const named = options.map((option) => ({ ...option, definition: namePlaceholders(option.definition) }));
    if (opts?.inlineOptions !== false || opts.detailed === false) return { usage: namePlaceholders(usage), options: named };
    // The listed options left the usage line; the required ones belong on it.
    const path = super.getUsageByIndex(n, { detailed: false }).usage;
    const required = named.filter((option) => option.required).map((option) => option.definition);
    const rest = usage.slice(path.length);
    return { usage: [path, ...required].join(" ") + rest, options: named };
  }

  override error(error: unknown, opts?: { colored?: boolean }): string {
    return namePlaceholders(super.error(error, opts));
  }

  /**
   * For clipanion's "Command not found" when the command was found but a required
   * option is missing: which option, what it is for, and the usage line. Null otherwise.
   */
  missingOption(argv: readonly string[]): string | null {
    const command = this.definitions().find((d: Usage) => d.path === `athanor ${argv[0]}`);
    if (command === undefined) return null;
    const given = (names: string) =>
      names
        .split(",")
        .some((name) =>
          argv.some((arg) => arg === name || arg.startsWith(`${name}=`) || (/^-\w$/.test(name) && arg.startsWith(name) && !arg.startsWith("--"))),
        );
    const missing = command.options.filter((option) => option.required && !given(option.definition.split(" ")[0]!));
    if (missing.length === 0) return null;
    const lines = missing.map((option) => `missing required option ${option.definition}: ${(option.description ?? "").trim().replace(/\.$/, "")}`);
    return `${lines.join("\n")}\n\n$ ${command.usage}\n`;
  }
}
