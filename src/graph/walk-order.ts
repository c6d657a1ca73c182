// The order Alembic emits a set of revisions in (RevisionMap._topological_sort): newest
// first, following one head down its line until a revision another pending head still
// needs, then switching to the earliest such head. Reproduced exactly, in linear time on
// chains: "another head needs it" is a live-children counter instead of ancestor sets.

import type { IndexedGraph } from "./indexed-graph.js";

/**
 * Orders `todo` (a membership array) newest first, starting from `heads` (upgrade targets,
 * or the current heads for a downgrade), in file order as Alembic's map order.
 */
export function alembicOrder(graph: IndexedGraph, todo: Uint8Array, heads: readonly number[]): number[] {
  const { normalizedDown: down, normalizedUp: up, size } = graph;
  const todoList: number[] = [];
  todo.forEach((t, node) => {
    if (t) todoList.push(node);
  });
  if (todoList.length === 0) return [];

  // Revisions between two todo revisions that are not in todo themselves (only in
  // history ranges with dependencies) still carry "needed" from above to below.
  // When every revision is in todo (a whole history, an upgrade from base), so is the hull.
  const hull = todoList.length === size ? todo : betweenTodo(graph, todoList);

  const pending = Uint8Array.from(todo);
  const liveChildren = new Int32Array(size);
  for (let n = 0; n < size; n++) {
    if (hull[n]) for (const child of up[n]!) if (hull[child]) liveChildren[n]!++;
  }
  const alive = (n: number) => pending[n] === 1 || (hull[n] === 1 && !todo[n] && liveChildren[n]! > 0);
  // One stack for every retire: this runs once per revision, so allocation counts.
  const stack: number[] = [];
  const retire = (node: number) => {
    stack.push(node);
    while (stack.length > 0) {
      for (const parent of down[stack.pop()!]!) {
        if (!hull[parent]) continue;
        if (--liveChildren[parent]! === 0 && !todo[parent]) stack.push(parent);
      }
    }
  };

  const slots = new SlotList(size);
  const initial = [...new Set(heads)].filter((h) => todo[h]).sort((a, b) => a - b);
  for (const h of initial) slots.append(h);
  // Alembic assumes every todo revision lies below a head; where that does not hold it
  // fails, athanor starts the orphans as extra heads after the real ones.
  for (const n of todoList) if (liveChildren[n] === 0 && slots.slotOf[n]! < 0) slots.append(n);

  // One visit stamp per search instead of a fresh array: a search costs what it walks.
  const seenStamp = new Int32Array(size);
  let stamp = 0;
  const output: number[] = [];
  let current = slots.first;
  while (current >= 0) {
    const candidate = slots.head[current]!;
    if (liveChildren[candidate]! > 0) {
      const other = lowestSlotAbove(candidate, current);
      if (other >= 0) {
        current = other;
        continue;
      }
    }
    if (pending[candidate]) {
      output.push(candidate);
      pending[candidate] = 0;
      retire(candidate);
    }
    // The pending parents not in a slot yet: the first takes this slot, the others are appended.
    let replaced = false;
    for (const parent of down[candidate]!) {
      if (!pending[parent] || slots.slotOf[parent]! >= 0) continue;
      if (replaced) slots.append(parent);
      else slots.replace(current, parent);
      replaced = true;
    }
    if (!replaced) current = slots.remove(current);
  }
  return output;

  /** The earliest slot (other than `exclude`) whose head has `node` among its ancestors. */
  function lowestSlotAbove(node: number, exclude: number): number {
    let best = -1;
    stamp++;
    const stack = [node];
    seenStamp[node] = stamp;
    while (stack.length > 0) {
      const n = stack.pop()!;
      const slot = slots.slotOf[n]!;
      if (slot >= 0 && slot !== exclude && (best < 0 || slot < best)) best = slot;
      for (const child of up[n]!) {
        if (seenStamp[child] !== stamp && alive(child)) {
          seenStamp[child] = stamp;
          stack.push(child);
        }
      }
    }
    return best;
  }
}

/** Revisions that are both an ancestor and a descendant of todo revisions (todo included). */
function betweenTodo(graph: IndexedGraph, todoList: readonly number[]): Uint8Array {
  const ancestorsOfTodo = graph.ancestors(todoList);
  const descendantsOfTodo = graph.descendants(todoList);
  const hull = new Uint8Array(graph.size);
  for (let n = 0; n < graph.size; n++) hull[n] = ancestorsOfTodo[n]! & descendantsOfTodo[n]!;
  return hull;
}

/**
 * Alembic's list of current heads. Slots keep their relative order forever (new ones are
 * appended, a slot's head is replaced in place), so a slot's id is its position order.
 */
class SlotList {
  readonly head: number[] = [];
  readonly prev: number[] = [];
  readonly next: number[] = [];
  readonly slotOf: Int32Array;
  first = -1;
  last = -1;

  constructor(size: number) {
    this.slotOf = new Int32Array(size).fill(-1);
  }

  append(node: number): void {
    const slot = this.head.length;
    this.head.push(node);
    this.prev.push(this.last);
    this.next.push(-1);
    if (this.last >= 0) this.next[this.last] = slot;
    else this.first = slot;
    this.last = slot;
    this.slotOf[node] = slot;
  }

  replace(slot: number, node: number): void {
    this.slotOf[this.head[slot]!] = -1;
    this.head[slot] = node;
    this.slotOf[node] = slot;
  }

  /** Removes a slot; returns the one Alembic continues with (the previous, else the new first). */
  remove(slot: number): number {
    this.slotOf[this.head[slot]!] = -1;
    const before = this.prev[slot]!;
    const after = this.next[slot]!;
    if (before >= 0) this.next[before] = after;
    else this.first = after;
    if (after >= 0) this.prev[after] = before;
    else this.last = before;
    return before >= 0 ? before : after;
  }
}
