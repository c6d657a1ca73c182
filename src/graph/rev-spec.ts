// Rev specs as values: the one parser from what a user typed (`head`, `heads`, `base`, ids
// and prefixes, `label@head`, `-1`, `rev+2`, `a:b`) to a RevSpec or a RevRange, and back
// to the text an error quotes. The CLI and the commands layer parse once; everything below
// takes the parsed value. Resolving one against a graph is resolve-rev-spec.ts's job.

import { errors } from "../error-factories.js";
import { shownArgument } from "./shown-argument.js";

/**
 * A parsed rev spec. `branch` is the part before the first `@` (a label, or a revision used
 * as one); `branch` alone is `label@`, refused once the label is known to exist (Alembic
 * checks the label first). A relative spec keeps `stepText` only when the step was typed
 * otherwise than `steps` reads (`+01`, a count too large for a number).
 */
export type RevSpec =
  | { readonly kind: "heads"; readonly branch?: string }
  | { readonly kind: "head"; readonly branch?: string }
  | { readonly kind: "base"; readonly branch?: string }
  | { readonly kind: "revision"; readonly id: string; readonly branch?: string }
  | { readonly kind: "branch"; readonly branch: string }
  | { readonly kind: "relative"; readonly steps: number; readonly symbol?: string; readonly branch?: string; readonly stepText?: string };

export type RelativeRevSpec = Extract<RevSpec, { kind: "relative" }>;

/** `a:b`, `a:` or `:b`: an absent side is undefined. `text` is the argument as typed, for errors. */
export interface RevRange {
  readonly kind: "range";
  readonly text: string;
  readonly from: RevSpec | undefined;
  readonly to: RevSpec | undefined;
}

/** A range a script runs over (`upgrade a:b --sql`, `stamp a:b --sql`): its end is required. */
export type RunRange = RevRange & { readonly to: RevSpec };

/** `base`, for a plan that starts from nothing; `head` and `heads`, the usual targets. */
export const BASE: RevSpec = { kind: "base" };
export const HEAD: RevSpec = { kind: "head" };
export const HEADS: RevSpec = { kind: "heads" };

// After the branch: Alembic's _relative_destination. Alembic anchors it at the start only,
// so `0003+1x` walks from 0003 and drops the `x`; athanor anchors both ends, and such a
// spec is looked up as an id, which names it when it fails.
const RELATIVE = /^(\w+)?([+-]\d+)$/;

/**
 * ### Examples
 * ```ts
 * parseRevSpec("audit@head"); // { kind: "head", branch: "audit" }
 * parseRevSpec("0003+1"); // { kind: "relative", steps: 1, symbol: "0003" }
 * parseRevSpec("@head"); // throws BAD_REV_SPEC: nothing before '@'
 * ```
 */
export function parseRevSpec(text: string): RevSpec {
  const { branch, rest } = splitBranch(text);
  const withBranch = branch === undefined ? {} : { branch };
  if (branch !== undefined && rest === "") return { kind: "branch", branch };
  const relative = RELATIVE.exec(rest);
  if (relative) {
    const stepText = relative[2]!;
    const steps = Number.parseInt(stepText, 10);
    return {
      kind: "relative",
      steps,
      ...(relative[1] === undefined ? {} : { symbol: relative[1] }),
      ...withBranch,
      ...(stepText === plainSteps(steps) ? {} : { stepText }),
    };
  }
  return { ...symbolSpec(rest), ...withBranch };
}

/** A word with no `@` and no step: `head`, `heads`, `base`, or an id, label or prefix. */
export function symbolSpec(word: string, branch?: string): RevSpec {
  const withBranch = branch === undefined ? {} : { branch };
  if (word === "heads" || word === "head" || word === "base") return { kind: word, ...withBranch };
  return { kind: "revision", id: word, ...withBranch };
}

function plainSteps(steps: number): string {
  return `${steps < 0 || Object.is(steps, -0) ? "-" : "+"}${Math.abs(steps)}`;
}

/** The step of a relative spec as typed (`-1`, `+01`). */
export function stepTextOf(spec: RelativeRevSpec): string {
  return spec.stepText ?? plainSteps(spec.steps);
}

/** The text a spec was parsed from (parseRevSpec's inverse), as errors quote it. */
export function revSpecText(spec: RevSpec): string {
  const branch = spec.branch === undefined ? "" : `${spec.branch}@`;
  switch (spec.kind) {
    case "revision":
      return branch + spec.id;
    case "branch":
      return branch;
    case "relative":
      return branch + (spec.symbol ?? "") + stepTextOf(spec);
    default:
      return branch + spec.kind;
  }
}

/** A range's text, or a spec's. */
export function targetText(target: RevSpec | RevRange): string {
  return target.kind === "range" ? target.text : revSpecText(target);
}

/**
 * `label@rest` → branch "label"; without `@`, no branch. Alembic splits at the first `@`
 * (RevisionMap._resolve_revision_number), so `audit@x@-1` is branch `audit` and the
 * revision `x@-1`, a walk or not. The syntax errors a spec can have without looking at the
 * graph are refused here, naming the argument: nothing at all, nothing before `@`.
 */
function splitBranch(text: string): { branch: string | undefined; rest: string } {
  if (text.trim() === "") {
    throw errors.badRevSpec(`An empty revision argument ('${shownArgument(text)}') names no revision`, {
      hint: "Name one: `head`, `heads`, `base`, a revision id (or four or more of its first characters), or `<label>@head`.",
      details: { spec: text },
    });
  }
  const at = text.indexOf("@");
  if (at < 0) return { branch: undefined, rest: text };
  const branch = text.slice(0, at);
  const rest = text.slice(at + 1);
  if (branch.trim() === "") {
    throw errors.badRevSpec(`Revision '${shownArgument(text)}' has nothing before '@': a branch label goes there`, {
      hint: `Write \`<label>@${shownArgument(rest) || "head"}\` (e.g. \`audit@head\`), or leave out the '@' for the whole graph.`,
      details: { spec: text },
    });
  }
  return { branch, rest };
}

/** `a:b`, `a:` or `:b` as text; an empty side is undefined. */
export function parseRange(text: string): { from: string | undefined; to: string | undefined } {
  const parts = text.trim().split(":");
  if (parts.length !== 2) {
    const shown = shownArgument(text.trim());
    // One end alone (`-1`, `0003`) is the common slip: say both ranges it can start.
    const oneEnd = parts.length === 1 && shown !== "";
    throw errors.badRevSpec(`Range '${shown}' must have the form [start]:[end], [start]:, or :[end]`, {
      hint: oneEnd
        ? `'${shown}' is one end of a range: write \`${shown}:\` for it and everything above it, or \`:${shown}\` for everything up to it.`
        : "For example `0003:head`, `base:0005` or `0004:`.",
      details: { range: text },
    });
  }
  return { from: parts[0] || undefined, to: parts[1] || undefined };
}

/**
 * `a:b` with both ends parsed (`history -r`, `lint -r`, `upgrade a:b --sql`).
 *
 * ### Examples
 * ```ts
 * parseRevRange("0003:head").to; // { kind: "head" }
 * parseRevRange("current:").from; // { kind: "revision", id: "current" } (history reads it)
 * ```
 */
export function parseRevRange(text: string): RevRange {
  const { from, to } = parseRange(text);
  return { kind: "range", text, from: from === undefined ? undefined : parseRevSpec(from), to: to === undefined ? undefined : parseRevSpec(to) };
}

/**
 * One argument of `stamp --sql`: a destination, or `from:to` (`:to` starts from base, as
 * `upgrade :0004 --sql` does; Alembic 1.8.1 crashes on it), in stamp's own words.
 */
export function parseStampArgument(text: string): RevSpec | RunRange {
  const colon = text.indexOf(":");
  if (colon < 0) return parseRevSpec(text);
  const shown = shownArgument(text);
  if (text.indexOf(":", colon + 1) >= 0) {
    throw errors.badRevSpec(`Stamp range '${shown}' has more than one ':'`, {
      hint: "write it as <fromrev>:<torev>, e.g. `athanor stamp 0002:0004 --sql`",
      details: { range: text },
    });
  }
  const from = text.slice(0, colon);
  const to = text.slice(colon + 1);
  if (to === "") {
    throw errors.badRevSpec(`Stamp range '${shown}' has no end revision`, {
      hint: `write it as <fromrev>:<torev>, e.g. \`athanor stamp ${shownArgument(from || "base")}:head --sql\``,
      details: { range: text },
    });
  }
  return runRange(text, from, to);
}

/** A script's range `text` from its two sides as typed; an empty `from` is base. */
export function runRange(text: string, from: string, to: string): RunRange {
  return { kind: "range", text, from: from === "" ? undefined : parseRevSpec(from), to: parseRevSpec(to) };
}

/** A range when the text holds a ':' (`lint a:b`), else one spec. */
export function parseRevSpecOrRange(text: string): RevSpec | RevRange {
  return text.includes(":") ? parseRevRange(text) : parseRevSpec(text);
}

/** `current`, the word a history range takes for the database's revisions. */
export function isCurrent(spec: RevSpec | undefined): boolean {
  return spec?.kind === "revision" && spec.id === "current" && spec.branch === undefined;
}
