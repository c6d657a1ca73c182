// The base of every command: common options, and the one place where errors become
// text and exit codes. Subclasses implement run(); a user mistake prints a message and a
// hint, never a stack trace (unless --debug).
import { Command, Option } from "clipanion";
import { AthanorError, ExitCode } from "../errors.js";
import { debugStack, redactSecrets } from "./redact.js";
import { paint, processTerminal, type Terminal } from "./terminal.js";

/** Where a command's report goes: what helpers shared by several commands write to. */
export interface CommandOutput {
  out(...lines: string[]): void;
  note(line: string): void;
  warn(line: string): void;
  json(value: unknown): void;
}

export abstract class AthanorCommand extends Command implements CommandOutput {
  debug = Option.Boolean("--debug", false, { description: "Show stack traces and internal details of errors" });
  config = Option.String("-c,--config", { description: "Path to the config file (default: athanor.config.ts if present)" });

  protected terminal: Terminal = processTerminal();

  protected abstract run(): Promise<number | void>;

  async execute(): Promise<number> {
    this.terminal = processTerminal(this.context.stdout, this.context.stderr);
    try {
      return (await this.run()) ?? ExitCode.OK;
    } catch (error) {
      return this.fail(error);
    }
  }

  /** Print result lines (stdout), with secrets scrubbed. */
  out(...lines: string[]): void {
    this.outLines(lines);
  }

  /** Print a listing (stdout) in one write; a list as long as 10,000 revisions is not spread into arguments. */
  protected outLines(lines: readonly string[]): void {
    if (lines.length > 0) this.terminal.stdout.write(redactSecrets(lines.join("\n")) + "\n");
  }

  /** Print a notice or progress line (stderr), with secrets scrubbed. */
  note(line: string): void {
    this.terminal.stderr.write(redactSecrets(line) + "\n");
  }

  json(value: unknown): void {
    this.terminal.stdout.write(redactSecrets(JSON.stringify(value, null, 2)) + "\n");
  }

  warn(line: string): void {
    this.note(`${paint(this.terminal.colour, "yellow", "warning:")} ${line}`);
  }

  protected fail(error: unknown): number {
    const colour = this.terminal.colour;
    // With --json a program reads stdout: the error goes there too, as { "error": { … } }.
    if ((this as { asJson?: unknown }).asJson === true) this.json(errorJson(error));
    if (error instanceof AthanorError) {
      this.note(`${paint(colour, "red", "error:")} ${error.message}`);
      if (error.hint) this.note(`${paint(colour, "cyan", "hint:")} ${error.hint}`);
      if (this.debug) this.note(paint(colour, "dim", `[${error.code}] ${debugStack(error)}${causeText(error.cause)}`));
      return error.exitCode;
    }
    // Not ours: a bug or an unexpected failure. Say so plainly; the trace is for --debug.
    const message = error instanceof Error ? error.message : String(error);
    this.note(`${paint(colour, "red", "error:")} ${message}`);
    if (this.debug) this.note(paint(colour, "dim", error instanceof Error ? debugStack(error) : ""));
    else this.note("hint: run again with --debug for the stack trace, and report it if it looks like a bug in athanor");
    return ExitCode.FAILED;
  }
}

/**
 * The --json form of an error (schemas/cli-output.schema.json, "error"): the stable code,
 * the message and hint a person reads, and the details a program can use. An error that is
 * not athanor's is INTERNAL, without its stack.
 */
export function errorJson(error: unknown): { error: { code: string; message: string; hint: string | null; details: Record<string, unknown> } } {
  if (error instanceof AthanorError) {
    return { error: { code: error.code, message: error.message, hint: error.hint ?? null, details: error.details ?? {} } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    error: { code: "INTERNAL", message, hint: "run again with --debug for the stack trace, and report it if it looks like a bug in athanor", details: {} },
  };
}

function causeText(cause: unknown): string {
  if (cause === undefined) return "";
  return `\ncaused by: ${cause instanceof Error ? debugStack(cause) : String(cause)}`;
}
