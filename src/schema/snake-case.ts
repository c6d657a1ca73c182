// snakeCase() at the type level, so InferRow's keys are the column names node-postgres
// returns. It follows the runtime rule in table.ts step by step: "_" before a capital
// that follows a lowercase letter or digit (createdAt → created_at), "_" before the
// last capital of a run followed by a lowercase letter (HTTPServer → http_server),
// then lowercase. Only ASCII letters count, as in the runtime's regular expressions.

type Upper =
  | "A"
  | "B"
  | "C"
  | "D"
  | "E"
  | "F"
  | "G"
  | "H"
  | "I"
  | "J"
  | "K"
  | "L"
  | "M"
  | "N"
  | "O"
  | "P"
  | "Q"
  | "R"
  | "S"
  | "T"
  | "U"
  | "V"
  | "W"
  | "X"
  | "Y"
  | "Z";
type Lower = Lowercase<Upper>;
type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";

/** "_" when the runtime rule puts one before `C`, given the character before it and those after. */
type Separator<Prev extends string, C extends string, Rest extends string> = C extends Upper
  ? Prev extends Lower | Digit
    ? "_"
    : Prev extends Upper
      ? Rest extends `${Lower}${string}`
        ? "_"
        : ""
      : ""
  : "";

// Tail-recursive with an accumulator, so long names stay within the compiler's limits.
type Walk<S extends string, Prev extends string, Done extends string> = S extends `${infer C}${infer Rest}`
  ? Walk<Rest, C, `${Done}${Separator<Prev, C, Rest>}${C}`>
  : Done;

/** `createdAt` → `created_at`, as snakeCase() does; `string` stays `string`. */
export type SnakeCase<S extends string> = string extends S ? string : Lowercase<Walk<S, "", "">>;
