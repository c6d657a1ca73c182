// Operations as plain data: what to change, not how to say it in SQL. The dialect
// renders each kind; the Operations facade (operations.ts) builds them.

/** Raw SQL, with optional positional parameters ($1, $2, …) rendered as literals. */
export interface ExecuteOperation {
  readonly kind: "execute";
  readonly sql: string;
  readonly params?: readonly unknown[];
}

export type Operation = ExecuteOperation;
