// New revision ids: 12 random hex digits by default (Alembic's uuid4().hex[-12:]), or
// `sequential` ids 0001, 0002, … for teams that want readable ones. Pure functions of
// the ids already present; writing the file is write-revision.ts's job.
import { randomUUID } from "node:crypto";

export type RevisionIdMode = "random" | "sequential";

/** The last 12 hex digits of a random UUID, as Alembic does; never one of `existing`. */
export function randomRevisionId(existing: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const id = randomUUID().replaceAll("-", "").slice(-12);
    if (!existing.has(id)) return id;
  }
}

/**
 * The number after the highest all-digit id present, zero-padded to four digits (or
 * to the width the project already uses, so 000123 is followed by 000124).
 */
export function nextSequentialId(existing: Iterable<string>): string {
  let highest = 0n;
  let width = 4;
  for (const id of existing) {
    if (!/^\d+$/.test(id)) continue;
    const value = BigInt(id);
    if (value > highest) highest = value;
    if (id.length > width && id.startsWith("0")) width = id.length;
  }
  return (highest + 1n).toString().padStart(width, "0");
}

export function newRevisionId(mode: RevisionIdMode, existing: Iterable<string>): string {
  const ids = new Set(existing);
  return mode === "sequential" ? nextSequentialId(ids) : randomRevisionId(ids);
}
