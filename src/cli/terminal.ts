// Where output goes and how it looks: results on stdout, progress and notices on
// stderr (so `athanor sql > deploy.sql` stays clean), colour only on a TTY without NO_COLOR.
import type { Writable } from "node:stream";

export interface Terminal {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Whether stderr may carry colour. */
  readonly colour: boolean;
}

export function wantsColour(stream: Writable): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  return (stream as Writable & { isTTY?: boolean }).isTTY === true;
}

export function processTerminal(stdout: Writable = process.stdout, stderr: Writable = process.stderr): Terminal {
  return { stdout, stderr, colour: wantsColour(stderr) };
}

const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;
export type Style = keyof typeof codes;

export function paint(enabled: boolean, style: Style, text: string): string {
  if (!enabled) return text;
  const [open, close] = codes[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
