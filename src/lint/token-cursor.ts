// A cursor over a statement's code tokens with the few moves a classifier needs:
// match keywords, read a (qualified) name, skip a parenthesised group.
import type { TableName } from "./lint-statement.js";
import { isName, type SqlToken } from "./sql-tokens.js";

export class TokenCursor {
  pos = 0;
  constructor(readonly tokens: readonly SqlToken[]) {}

  get done(): boolean {
    return this.pos >= this.tokens.length;
  }

  peek(offset = 0): SqlToken | undefined {
    return this.tokens[this.pos + offset];
  }

  /** The next token is the bare word `word`. */
  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === "word" && token.text === word;
  }

  /** Consumes the words if they come next, in order; nothing when they do not. */
  accept(...words: string[]): boolean {
    if (!words.every((word, i) => this.isWord(word, i))) return false;
    this.pos += words.length;
    return true;
  }

  /** Consumes the first of `words` that comes next; its text, or undefined. */
  acceptOne(...words: string[]): string | undefined {
    const found = words.find((word) => this.isWord(word));
    if (found !== undefined) this.pos += 1;
    return found;
  }

  /** One name (bare or quoted), or undefined. */
  name(): string | undefined {
    const token = this.peek();
    if (!isName(token)) return undefined;
    this.pos += 1;
    return token.text;
  }

  /** `name` or `schema.name` (a database prefix is dropped). */
  tableName(): TableName | undefined {
    const parts: string[] = [];
    for (;;) {
      const part = this.name();
      if (part === undefined) return undefined;
      parts.push(part);
      if (this.peek()?.text !== ".") break;
      this.pos += 1;
    }
    const name = parts[parts.length - 1] as string;
    return parts.length > 1 ? { name, schema: parts[parts.length - 2] as string } : { name };
  }

  /** Skips a `( … )` group, nested ones included, when one comes next. */
  skipGroup(): SqlToken[] {
    if (this.peek()?.text !== "(") return [];
    const start = this.pos;
    let depth = 0;
    while (!this.done) {
      const text = (this.peek() as SqlToken).text;
      this.pos += 1;
      if (text === "(") depth += 1;
      else if (text === ")" && --depth === 0) break;
    }
    return this.tokens.slice(start + 1, this.pos - 1) as SqlToken[];
  }

  /** The tokens up to (not including) the first of `stops` at this nesting depth, consumed. */
  until(stop: (cursor: TokenCursor) => boolean): SqlToken[] {
    const start = this.pos;
    while (!this.done && !stop(this)) {
      if (this.peek()?.text === "(") this.skipGroup();
      else this.pos += 1;
    }
    return this.tokens.slice(start, this.pos) as SqlToken[];
  }
}

/** Splits tokens at the commas outside parentheses (ALTER TABLE's actions, DROP TABLE's names). */
export function splitTopLevel(tokens: readonly SqlToken[]): SqlToken[][] {
  const parts: SqlToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.text === "(") depth += 1;
    else if (token.text === ")") depth -= 1;
    if (token.text === "," && depth === 0) parts.push([]);
    else (parts[parts.length - 1] as SqlToken[]).push(token);
  }
  return parts.filter((part) => part.length > 0);
}
