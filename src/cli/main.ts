// Builds the command line: registers every command and runs one. Argument errors from
// clipanion go to stderr with exit code 2; everything else is the command's business.
import { Builtins, Command, Option, type BaseContext } from "clipanion";
import { readFileSync } from "node:fs";
import { ExitCode } from "../errors.js";
import { errors } from "../error-factories.js";
import { shownArgument } from "../graph/shown-argument.js";
import { errorJson } from "./athanor-command.js";
import { AthanorCli } from "./athanor-cli.js";
import { commands } from "./commands/index.js";
import { redactSecrets } from "./redact.js";
import { wantsColour } from "./terminal.js";

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

/**
 * The commands to register for `argv`: clipanion builds its parser from every command
 * it knows on each run (a fifth of `athanor heads`'s own time), so a run that names its
 * command gets that one only. Help, suggestions for a mistyped command and the listing
 * get them all.
 */
function commandsFor(argv: readonly string[]): typeof commands {
  const named = commands.filter((command) => command.paths?.some((path) => path[0] === argv[0]));
  return named.length > 0 ? named : commands;
}

/** `athanor help [command]`, as git and npm have it, besides -h/--help. */
class HelpVerb extends Command {
  static override paths = [["help"]];
  static override usage = Command.Usage({
    description: "Show the commands, or one command's help with examples",
    examples: [["One command's options and examples", "athanor help upgrade"]],
  });
  name = Option.String({ required: false, name: "command" });

  async execute(): Promise<number> {
    if (this.name !== undefined) {
      if (!this.cli.definitions().some((d) => d.path === `athanor ${this.name}`)) {
        this.context.stderr.write(`error: athanor has no command ${shownArgument(this.name)}\nhint: \`athanor help\` lists the commands\n`);
        return ExitCode.USAGE;
      }
      return this.cli.run([this.name, "--help"]);
    }
    this.context.stdout.write(this.cli.usage(null));
    return ExitCode.OK;
  }
}

/** -V as well as -v/--version: what Python tools (Alembic's users) and many CLIs take. */
class VersionVerb extends Builtins.VersionCommand {
  static override paths = [["-v"], ["--version"], ["-V"]];
}

function buildCli(argv: readonly string[] = []): AthanorCli {
  const cli = new AthanorCli({
    binaryLabel: "athanor",
    binaryName: "athanor",
    binaryVersion: packageVersion(),
    // Left undefined, clipanion colours whenever TERM names a colour terminal, even when
    // stdout is a pipe or a file; decide the way every other line of output is decided.
    enableColors: wantsColour(process.stdout),
  });
  cli.register(Builtins.HelpCommand);
  cli.register(VersionVerb);
  cli.register(HelpVerb);
  for (const command of commandsFor(argv)) cli.register(command);
  return cli;
}

/**
 * `downgrade -1` is a rev spec, not an option: clipanion would reject it, so relative
 * specs (`-1`, `-2`) move behind a `--` where they are read as the positional argument.
 */
function protectRelativeSpecs(rawArgv: readonly string[]): string[] {
  const argv = attachRangeValues(rawArgv);
  if (argv.includes("--")) return [...argv];
  const relative = argv.filter((arg) => /^-\d+$/.test(arg));
  if (relative.length === 0) return [...argv];
  return [...argv.filter((arg) => !/^-\d+$/.test(arg)), "--", ...relative];
}

/**
 * `history -r -1:` (and Alembic's documented `-r-3:current`): a range value that starts
 * with `-` looks like an option to clipanion, so it is attached as `--rev-range=-1:`.
 */
function attachRangeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    if ((arg === "-r" || arg === "--rev-range") && next !== undefined && /^-\d/.test(next)) {
      out.push(`--rev-range=${next}`);
      i++;
    } else if (/^-r-\d/.test(arg)) {
      out.push(`--rev-range=${arg.slice(2)}`);
    } else {
      out.push(arg);
    }
  }
  return out;
}

/**
 * clipanion echoes an argument it cannot place whole (`Invalid option name ("-1-1-1…")`):
 * a 128 KiB argument became 128 KiB of error, control characters and all. Each such
 * argument is shown the way athanor's own errors show one.
 */
function cappedArguments(text: string, argv: readonly string[]): string {
  let out = text;
  for (const arg of argv) {
    const shown = shownArgument(arg);
    if (shown !== arg && arg !== "") out = out.split(arg).join(shown);
  }
  return out;
}

export async function main(rawArgv: readonly string[], context: Partial<BaseContext> = {}): Promise<number> {
  const argv = protectRelativeSpecs(rawArgv);
  const cli = buildCli(argv);
  const stderr = context.stderr ?? process.stderr;
  let command: ReturnType<typeof cli.process>;
  try {
    command = cli.process([...argv], context);
  } catch (error) {
    const missing = (error as Error).name === "UnknownSyntaxError" ? cli.missingOption(argv) : null;
    // Every refusal starts with "error:", clipanion's ("Usage Error: …") included.
    const text = missing === null ? cappedArguments(cli.error(error, { colored: false }), argv) : `error: ${missing}`;
    const shownText = redactSecrets(text).replace(/^(?:Usage|Unknown Syntax) Error: /, "error: ");
    stderr.write(shownText);
    // A program asked for JSON: the refusal is JSON on stdout too.
    if (argv.includes("--json")) {
      const message = shownText.replace(/^error: /, "").split("\n")[0]!;
      const refusal = errors.usage(message, { hint: "`athanor <command> --help` shows the command's options" });
      (context.stdout ?? process.stdout).write(JSON.stringify(errorJson(refusal), null, 2) + "\n");
    }
    stderr.write("hint: `athanor --help` lists the commands; `athanor <command> --help` shows one with examples\n");
    return ExitCode.USAGE;
  }
  return cli.run(command, context);
}
