// Tabs of one browser share one BFF session: when one tab signs in, out, or switches scope, the others must follow
// rather than keep showing (and acting on) a project the session no longer holds.

export type SessionChange = 'login' | 'scope' | 'logout';

// One channel object per tab for sending and receiving: a channel never hears its own messages, so the tab that
// made a change does not react to it a second time.
let channel: BroadcastChannel | null | undefined;

function tabChannel(): BroadcastChannel | null {
  if (channel === undefined) channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('zenith.session');
  return channel;
}

export function announceSessionChange(change: SessionChange) {
  tabChannel()?.postMessage(change);
}

export function onSessionChangeElsewhere(listener: (change: SessionChange) => void): () => void {
  const current = tabChannel();
  if (!current) return () => undefined;
  const onMessage = (event: MessageEvent<unknown>) => {
    if (event.data === 'login' || event.data === 'scope' || event.data === 'logout') listener(event.data);
  };
  current.addEventListener('message', onMessage);
  return () => current.removeEventListener('message', onMessage);
}
