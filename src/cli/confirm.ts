// The question a destructive command (reset, downgrade base, stamp --purge) asks on a
// terminal before it touches the database. Scripts and CI never see it: without a TTY
// on stdin, or with --yes, the command goes ahead, as the help says.
import type { Readable, Writable } from "node:stream";
import { errors } from "../error-factories.js";

export interface ConfirmOptions {
  /** What will happen, naming the database: `reset reverts every revision on db:5432/app`. */
  readonly action: string;
  readonly yes: boolean;
  readonly stdin?: Readable & { isTTY?: boolean };
  readonly stderr: Writable;
}

/** Resolves when the command may go on; throws CANCELLED (exit 1) when the answer is not yes. */
export async function confirmDestructive(options: ConfirmOptions): Promise<void> {
  const stdin = options.stdin ?? process.stdin;
  if (options.yes || stdin.isTTY !== true) return;
  options.stderr.write(`${options.action}. Continue? [y/N] `);
  const answer = await firstLine(stdin);
  if (!/^\s*y(es)?\s*$/i.test(answer)) {
    throw errors.cancelled("cancelled: nothing was changed", {
      hint: "answer y to go ahead, or pass --yes (scripts without a terminal are never asked)",
    });
  }
}

/** The first line typed (without its end), or what came before the input ended. */
function firstLine(stdin: Readable): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    const done = () => {
      stdin.off("data", onData);
      stdin.off("end", done);
      stdin.pause();
      resolve(text.split(/\r?\n/)[0]!);
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      if (/[\r\n]/.test(text)) done();
    };
    stdin.on("data", onData);
    stdin.once("end", done);
    stdin.resume();
  });
}
