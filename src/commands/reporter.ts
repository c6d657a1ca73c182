// How a command tells its caller what happens along the way without printing: the CLI
// sends notes and warnings to stderr, a library caller may log them or drop them.
export interface Reporter {
  /** Progress and context: which database, which model modules were loaded. */
  note(line: string): void;
  /** Something the user should look at; the command goes on. */
  warn(line: string): void;
}

export const silentReporter: Reporter = { note() {}, warn() {} };
