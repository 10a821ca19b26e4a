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
  // A page the back button brings back from the back/forward cache was frozen: whatever happened to the session
  // meanwhile (a sign-out, a switch, in this tab or another) it did not hear, and it may show another's scope.
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) listener('scope');
  };
  window.addEventListener('pageshow', onPageShow);
  const current = tabChannel();
  const onMessage = (event: MessageEvent<unknown>) => {
    if (event.data === 'login' || event.data === 'scope' || event.data === 'logout') listener(event.data);
  };
  current?.addEventListener('message', onMessage);
  return () => {
    window.removeEventListener('pageshow', onPageShow);
    current?.removeEventListener('message', onMessage);
  };
}
