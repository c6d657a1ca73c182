// The CLI's last line of defence for passwords: whatever text reaches the user passes
// through here, so a password in a URL, or one we know from the configuration, never leaks.

const urlWithPassword = /\b([a-z][a-z0-9+.-]*:\/\/)([^:/?#@\s]*):([^@/\s]*)@/gi;
const passwordParameter = /[?&][^=&#]*pass[^=&#]*=([^&#]*)/gi;

const knownSecrets = new Set<string>();

/** Remember a secret (a password from the configured URL) so it is scrubbed everywhere. */
export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 3) {
    knownSecrets.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) knownSecrets.add(encoded);
  }
}

/** Remember every password a database URL carries: in its authority or a `password=` parameter. */
export function registerUrlSecrets(url: string | undefined): void {
  if (!url) return;
  const found = [...url.matchAll(urlWithPassword)].map((m) => m[3]!);
  found.push(...[...url.matchAll(passwordParameter)].map((m) => m[1]!));
  for (const raw of found) {
    registerSecret(raw);
    try {
      registerSecret(decodeURIComponent(raw));
    } catch {
      // not percent-encoded: the raw form is registered already
    }
  }
}

export function redactSecrets(text: string): string {
  // The word "password" is the placeholder of example URLs in hints; a real password that
  // happens to be "password" is still scrubbed below when it came from the configuration.
  let result = text.replace(urlWithPassword, (match, scheme: string, user: string, password: string) =>
    password === "password" ? match : `${scheme}${user}:***@`,
  );
  for (const secret of knownSecrets) result = result.split(secret).join("***");
  return result;
}
