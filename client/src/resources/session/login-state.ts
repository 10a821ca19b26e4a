// What the login page is told through router state (never the URL): where to go back to, and why the user is
// here. Browsers keep history state across a reload, so the deep link survives one.

export type LoginNotice =
  | { kind: 'sessionEnded'; message: string }
  | { kind: 'sessionExpired' }
  | { kind: 'signedOut' }
  | { kind: 'signedOutElsewhere' };

export interface LoginLocationState {
  from?: string;
  notice?: LoginNotice;
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

const noticeKinds = new Set(['sessionEnded', 'sessionExpired', 'signedOut', 'signedOutElsewhere']);

function isNotice(value: unknown): value is LoginNotice {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, message } = value as { kind?: unknown; message?: unknown };
  if (!noticeKinds.has(kind as string)) return false;
  return kind !== 'sessionEnded' || typeof message === 'string';
}

/** Router state is whatever history holds: read it defensively. */
export function readLoginState(state: unknown): LoginLocationState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, notice } = state as { from?: unknown; notice?: unknown };
  return {
    from: isSafeReturnPath(from) ? from : undefined,
    notice: isNotice(notice) ? notice : undefined,
  };
}
