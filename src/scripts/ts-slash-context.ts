// What a `/` means at a point of a JavaScript/TypeScript file: a regular expression or a
// division. ECMAScript leaves that to the parser; a tokenizer decides it from the tokens
// before, the way careful tokenizers (sweet.js's reader, acorn's context stack) do:
// after `)` it depends on what the `(` belonged to (`if (…) /re/`), after `}` on what
// the `{` opened (a block: regex; an object literal or a function expression: division).
// Where the tokens cannot tell (a method body, a TypeScript type) the answer is
// "ambiguous" and the reader refuses the file rather than guess. After an arrow
// function's block body nothing may follow on its line but `,` `;` or a closing bracket:
// on the next line a statement starts (automatic semicolon insertion), so a `/` there
// is a regex ("arrowBody").

export type SlashMeaning = "regex" | "division" | "ambiguous" | "arrowBody";

/** What a `}` leaves behind, and what the tokens inside a `{` are. */
interface Frame {
  readonly opener: "{" | "(" | "[" | "${";
  /** After the closing bracket: what a `/` means, and whether a statement may start. */
  readonly after: SlashMeaning;
  readonly statementAfter: boolean;
  /** `{`: statements (block, function body) or properties (object literal). */
  readonly holds: "statements" | "properties";
  /** `(`: the keyword the parenthesis follows (`if`, `while`, `for`, `with`, …). */
  readonly owner: string;
  /** `?` seen in this frame whose `:` has not come yet. */
  ternaries: number;
  /** `case`/`default` seen whose `:` has not come yet. */
  caseLabel: boolean;
}

// The file itself: a list of statements.
const TOP: Frame = { opener: "{", after: "regex", statementAfter: true, holds: "statements", owner: "", ternaries: 0, caseLabel: false };

// Keywords after which an expression starts, so a `/` is a regex.
const BEFORE_EXPRESSION = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
  "extends",
  "default",
]);
// Names that are keywords in some places and plain identifiers in others: a `/` after them
// could be either (`for (x of /re/)` and `of / 2`).
const EITHER = new Set(["of"]);
const CONDITION_OWNERS = new Set(["if", "while", "for", "with"]);
const BLOCK_OWNERS = new Set(["if", "while", "for", "with", "switch", "catch"]);
const BLOCK_KEYWORDS = new Set(["else", "do", "try", "finally", "catch"]);
// Keywords after which a line break ends the statement (ECMAScript's restricted productions).
const RESTRICTED = new Set(["return", "yield", "throw", "break", "continue"]);

interface Pending {
  readonly depth: number;
  /** A declaration (a statement), an expression, or undefined when the tokens cannot tell. */
  readonly declaration: boolean | undefined;
}

export class SlashContext {
  #stack: Frame[] = [];
  #slash: SlashMeaning = "regex";
  #statement = true;
  /** The previous token was `.` or `?.`: the next name is a property, not a keyword. */
  #afterDot = false;
  #prevValue = "";
  #prevKind = "";
  #prevPrevValue = "";
  /** The keyword of the last `(…)` closed (`if`, `switch`, …), for the `{` after it. */
  #closedOwner = "";
  /** Bodies of the `function`/`class` keywords seen, still to come at their depth. */
  #pending: Pending[] = [];
  /** The last `=` was a TypeScript `type Name =`: a `{` after it opens a type. */
  #typeAlias = false;

  /** What a `/` means right after the tokens seen so far. */
  get slash(): SlashMeaning {
    return this.#slash;
  }

  /** Records one token; `value` is the identifier or punctuator text. */
  see(kind: string, value: string, newlineBefore: boolean): void {
    // A statement starts here if the tokens before say so, or after a line break that
    // automatic semicolon insertion turns into the end of a statement.
    const statementHere = this.#statement || (newlineBefore && (this.#slash === "division" || this.#slash === "arrowBody" || RESTRICTED.has(this.#prevValue)));
    // After an ambiguous token and a line break, a statement may or may not start.
    const uncertain = !statementHere && newlineBefore && this.#slash === "ambiguous";
    const closedOwner = this.#closedOwner;
    this.#closedOwner = "";
    if (kind === "identifier") this.#identifier(value, uncertain ? undefined : statementHere);
    else if (kind === "punct") this.#punct(value, newlineBefore, closedOwner);
    else this.#set("division", false);
    this.#prevPrevValue = this.#prevValue;
    this.#prevValue = kind === "identifier" || kind === "punct" ? value : "";
    this.#prevKind = kind;
  }

  /** `${` in a template: its `}` closes the substitution, not a block. */
  openSubstitution(): void {
    this.#stack.push({ ...object(), opener: "${" });
    this.#set("regex", false);
    this.#prevValue = "${";
    this.#prevKind = "punct";
  }

  /** A `}` now would close a `${` (the template goes on) rather than a bracket. */
  get inSubstitution(): boolean {
    return this.#stack.at(-1)?.opener === "${";
  }

  /** The `}` of a `${`: back in the template. */
  closeSubstitution(): void {
    this.#stack.pop();
  }

  /** A template literal ended: it is a value, like a string. */
  endTemplate(): void {
    this.#set("division", false);
    this.#prevValue = "";
    this.#prevKind = "template";
  }

  #frame(): Frame {
    return this.#stack.at(-1) ?? TOP;
  }

  #set(slash: SlashMeaning, statement: boolean): void {
    this.#slash = slash;
    this.#statement = statement;
    this.#afterDot = false;
  }

  #identifier(name: string, statementHere: boolean | undefined): void {
    if (this.#afterDot) return this.#set("division", false);
    if (name === "function" || name === "class") {
      this.#pending.push({ depth: this.#stack.length, declaration: statementHere });
      return this.#set("ambiguous", false);
    }
    if (name === "export" || name === "async" || name === "declare" || name === "abstract") return this.#set("regex", statementHere === true);
    if (name === "default" && this.#prevValue === "export") return this.#set("regex", true);
    if ((name === "case" || name === "default") && this.#frame().holds === "statements") this.#frame().caseLabel = true;
    if (name === "else" || name === "do") return this.#set("regex", true);
    if (BEFORE_EXPRESSION.has(name)) return this.#set("regex", false);
    if (EITHER.has(name)) return this.#set("ambiguous", false);
    this.#set("division", false);
  }

  #punct(value: string, newlineBefore: boolean, closedOwner: string): void {
    const frame = this.#frame();
    switch (value) {
      case "{":
        return this.#open(newlineBefore, closedOwner);
      case "(":
      case "[": {
        const owner = value === "(" && !this.#afterDot ? this.#parenOwner() : "";
        this.#stack.push({ ...object(), opener: value, owner });
        return this.#set("regex", false);
      }
      case ")":
      case "]":
      case "}": {
        const closed = this.#stack.pop() ?? TOP;
        if (value === "}") return this.#set(closed.after, closed.statementAfter);
        if (value === ")") this.#closedOwner = closed.owner;
        if (value === ")" && CONDITION_OWNERS.has(closed.owner)) return this.#set("regex", true);
        return this.#set("division", false);
      }
      case ".":
      case "?.":
        this.#set("division", false);
        this.#afterDot = true;
        return;
      case ";":
        frame.ternaries = 0;
        frame.caseLabel = false;
        // A body-less `function f(): void;` (a TypeScript overload) has no body to come.
        this.#pending = this.#pending.filter((p) => p.depth < this.#stack.length);
        return this.#set("regex", frame.opener !== "(");
      case "=":
        this.#typeAlias = this.#prevPrevValue === "type";
        return this.#set("regex", false);
      case "?":
        frame.ternaries++;
        return this.#set("regex", false);
      case ":":
        return this.#colon(frame);
      case "++":
      case "--":
      case "!":
        // Postfix (right after a value, on its line: `i++`, TypeScript's `x!`) leaves a
        // value, so a `/` divides; prefix, an operand follows.
        return this.#set(!newlineBefore && this.#slash === "division" ? "division" : "regex", false);
      default:
        return this.#set("regex", false);
    }
  }

  /** The keyword a `(` follows, when it matters for what comes after the `)`. */
  #parenOwner(): string {
    if (this.#prevKind !== "identifier") return "";
    if (this.#prevValue === "await" && this.#prevPrevValue === "for") return "for";
    return BLOCK_OWNERS.has(this.#prevValue) ? this.#prevValue : "";
  }

  #colon(frame: Frame): void {
    if (frame.ternaries > 0) {
      frame.ternaries--;
      return this.#set("regex", false);
    }
    if (frame.caseLabel) {
      frame.caseLabel = false;
      return this.#set("regex", true);
    }
    // A function's return type: what follows is a type, not a block or a value.
    if (this.#pendingHere() !== undefined) return this.#set("ambiguous", false);
    // In an object literal a property's value follows, in parentheses a type; at
    // statement level a label (or a declaration's type annotation).
    return this.#set("regex", frame.opener === "{" && frame.holds === "statements");
  }

  #pendingHere(): Pending | undefined {
    const pending = this.#pending.at(-1);
    return pending !== undefined && pending.depth === this.#stack.length ? pending : undefined;
  }

  /** A `{`: decides what it opens from the tokens before it. */
  #open(newlineBefore: boolean, closedOwner: string): void {
    const pending = this.#pendingHere();
    let frame: Frame;
    if (pending !== undefined && this.#endsHeader()) {
      // A function's or class's body: after a declaration a statement may start; after
      // an expression (`x = function () {} / 2`) a value was written.
      this.#pending.pop();
      frame = pending.declaration === undefined ? body("ambiguous", false) : body(pending.declaration ? "regex" : "division", pending.declaration);
    } else if (pending !== undefined && this.#prevValue === ":") {
      frame = body("ambiguous", false); // an object type as the return type
    } else {
      frame = this.#classify(newlineBefore, closedOwner);
    }
    this.#stack.push(frame);
    this.#set("regex", frame.holds === "statements");
  }

  /** The previous token can end a function's or class's header (`)`, a name, a type). */
  #endsHeader(): boolean {
    const prev = this.#prevValue;
    return this.#prevKind === "identifier" || prev === ")" || prev === "]" || prev === ">" || prev === "}";
  }

  #classify(newlineBefore: boolean, closedOwner: string): Frame {
    const prev = this.#prevValue;
    const kind = this.#prevKind;
    if (kind === "") return body("regex", true); // the start of the file
    if (kind === "punct") {
      if (prev === "${") return object();
      if (prev === ";" || prev === "{" || prev === "}" || prev === ":") return this.#statement ? body("regex", true) : object();
      if (prev === ")") return BLOCK_OWNERS.has(closedOwner) ? body("regex", true) : body("ambiguous", false);
      if (prev === "=>") return body("arrowBody", false); // an arrow function's body
      if (prev === "=" && (this.#prevPrevValue === ">" || this.#typeAlias)) return body("ambiguous", false);
      return object();
    }
    if (kind === "identifier" && !this.#afterDot) {
      if (BLOCK_KEYWORDS.has(prev)) return body("regex", true);
      if (RESTRICTED.has(prev)) return newlineBefore ? body("regex", true) : object();
      if (BEFORE_EXPRESSION.has(prev)) return object();
    }
    // After a value: a new statement after a line break; else a TypeScript body
    // (`interface I {`, `enum E {`, `namespace n {`) or a syntax error.
    return newlineBefore ? body("regex", true) : body("ambiguous", false);
  }
}

function body(after: SlashMeaning, statementAfter: boolean): Frame {
  return { opener: "{", after, statementAfter, holds: "statements", owner: "", ternaries: 0, caseLabel: false };
}

function object(): Frame {
  return { opener: "{", after: "division", statementAfter: false, holds: "properties", owner: "", ternaries: 0, caseLabel: false };
}
