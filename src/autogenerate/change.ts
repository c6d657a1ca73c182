// A Change: one difference between models and database, as the operations that make
// it (up) and undo it (down), plus notes for the reader. Phases order the upgrade so
// it can run: schemas and enums first, drops of dependent objects before what they
// depend on, tables before the foreign keys that need them. The downgrade is the
// upgrade's changes in reverse, each undone.
import type { Operation } from "../ops/operation.js";

/**
 * A line of the generated body: an operation, a comment for the reader, or steps run in
 * `op.autocommitBlock` (committed before the rest of the revision continues).
 */
export type Step = { readonly op: Operation } | { readonly note: string } | { readonly autocommit: readonly Step[] };

export const Phase = {
  createSchema: 0,
  enumValues: 1,
  dropForeignKey: 2,
  dropConstraint: 3,
  dropTable: 4,
  dropColumn: 5,
  createTable: 6,
  addColumn: 7,
  alterColumn: 8,
  createConstraint: 9,
  createForeignKey: 10,
  tableComment: 11,
  dropEnum: 12,
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

export interface Change {
  readonly phase: Phase;
  readonly up: readonly Step[];
  readonly down: readonly Step[];
}

export const op = (operation: Operation): Step => ({ op: operation });
export const note = (text: string): Step => ({ note: text });

/** The operations and notes of `steps` in running order, those inside autocommit blocks included. */
export function flatSteps(steps: readonly Step[]): ({ readonly op: Operation } | { readonly note: string })[] {
  return steps.flatMap((s) => ("autocommit" in s ? flatSteps(s.autocommit) : [s]));
}

/** Upgrade and downgrade steps in running order. */
export function orderChanges(changes: readonly Change[]): { up: Step[]; down: Step[] } {
  const sorted = changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.phase - b.c.phase || a.i - b.i)
    .map((x) => x.c);
  return {
    up: sorted.flatMap((c) => c.up),
    down: [...sorted].reverse().flatMap((c) => c.down),
  };
}
