// What the request log keeps of a body: everything but what the user typed to prove who they are. Sign-in, password
// change and user creation bodies carry passwords, application credential secrets and TOTP codes, and a VPN site
// connection its pre-shared key; the log panel and the HTTP views show "***" in their place (a curl copied from
// there then needs the real value put back).

const secretKeys = /^(password|original_?password|secret|passcode|psk)$/i;

export const redacted = '***';

/** A copy of `body` with every value under a secret-looking key replaced; anything else is returned as is. */
export function withoutSecrets(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutSecrets);
  if (typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, secretKeys.test(key) && typeof value === 'string' ? redacted : withoutSecrets(value)]),
  );
}
