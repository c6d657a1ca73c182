// The CLI's last line of defence for passwords: whatever text reaches the user passes
// through here. Only the password field of a URL or a DSN is replaced, never other text
// that happens to spell the password (a password `pass` must not turn "password
// authentication failed" into "***word…", nor a password `55461` hide the port).
// A URL that does not parse is never printed at all (see parseDatabaseUrl).

// `scheme://user:PASSWORD@`: the password runs to the last `@` of the token, so one with
// an unencoded `@` (`p@ss`) is hidden whole.
const urlWithPassword = /\b([a-z][a-z0-9+.-]*:\/\/)([^:/?#@\s]*):(\S*)@/gi;
const passwordParameter = /([?&][^=&#\s]*pass[^=&#\s]*=)([^&#\s]*)/gi;
const dsnPassword = /(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s'][^\s]*)/gi;

export function redactSecrets(text: string): string {
  // The word "password" is the placeholder of example URLs in hints.
  return text
    .replace(urlWithPassword, (match, scheme: string, user: string, password: string) => (password === "password" ? match : `${scheme}${user}:***@`))
    .replace(passwordParameter, "$1***")
    .replace(dsnPassword, "$1***");
}

/**
 * An error's stack for --debug: its message and `at` frames only. Node puts the source
 * line of a module that threw at evaluation in front of the stack; for a config file that
 * is the compiled source, password literal included.
 */
export function debugStack(error: Error): string {
  const stack = error.stack ?? "";
  const lines = stack.split("\n");
  const frames = lines.filter((line) => /^\s+at /.test(line)).map(withoutInlineSource);
  return redactSecrets([`${error.name}: ${error.message}`, ...frames].join("\n"));
}

/** tsx runs a CommonJS-shaped config as a `data:` URL holding its whole compiled source; name the file instead. */
function withoutInlineSource(frame: string): string {
  const at = frame.indexOf("data:");
  if (at < 0) return frame;
  const rest = frame.slice(at);
  // The URL's source text holds unencoded parentheses: the position is what ends the frame.
  const position = /(:\d+:\d+)?(\)?)$/.exec(rest)!;
  const file = /[?&]filePath=([^&:\s]*)/.exec(rest)?.[1];
  let shown = "data:…";
  try {
    if (file !== undefined) shown = decodeURIComponent(file).replace(/\?namespace=.*$/, "");
  } catch {
    // an unreadable file name: keep the placeholder
  }
  return `${frame.slice(0, at)}${shown}${position[1] ?? ""}${position[2] ?? ""}`;
}
