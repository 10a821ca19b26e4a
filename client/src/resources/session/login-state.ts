// What the login page is told through router state (never the URL): where to go back to, and why the user is
// here. Browsers keep history state across a reload, so the deep link survives one.

export type LoginNotice =
  | { kind: 'sessionEnded'; message: string }
  | { kind: 'sessionExpired' }
  | { kind: 'signedOut' }
  | { kind: 'signedOutElsewhere' }
  | { kind: 'passwordChanged' };

export interface LoginLocationState {
  from?: string;
  notice?: LoginNotice;
  /** Who was signed in (after a password change): fills the form. */
  account?: { username: string; userDomain: string };
}

/** Only same-origin app paths: "//evil.example" or "https://..." would turn the return into an open redirect. */
export function isSafeReturnPath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !path.startsWith('/\\') &&
    !/^\/login(?:[/?#]|$)/.test(path)
  );
}

const noticeKinds = new Set(['sessionEnded', 'sessionExpired', 'signedOut', 'signedOutElsewhere', 'passwordChanged']);

function isAccount(value: unknown): value is NonNullable<LoginLocationState['account']> {
  if (typeof value !== 'object' || value === null) return false;
  const { username, userDomain } = value as { username?: unknown; userDomain?: unknown };
  return typeof username === 'string' && typeof userDomain === 'string';
}

function isNotice(value: unknown): value is LoginNotice {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, message } = value as { kind?: unknown; message?: unknown };
  if (!noticeKinds.has(kind as string)) return false;
  return kind !== 'sessionEnded' || typeof message === 'string';
}

/** Router state is whatever history holds: read it defensively. */
export function readLoginState(state: unknown): LoginLocationState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, notice, account } = state as { from?: unknown; notice?: unknown; account?: unknown };
  return {
    from: isSafeReturnPath(from) ? from : undefined,
    notice: isNotice(notice) ? notice : undefined,
    ...(isAccount(account) ? { account: { username: account.username, userDomain: account.userDomain } } : {}),
  };
}
