// What happens when the session changes outside the page's own actions: the BFF or OpenStack ended it (any call
// answered 401 no_session/session_ended), or another tab signed in, out, or switched scope.
import type { QueryClient } from '@tanstack/react-query';
import type { createBrowserRouter } from 'react-router';
import { api, type SessionEnd } from '../lib/api/client';
import { adoptSession, fetchSession } from '../resources/session/session';
import type { LoginLocationState, LoginNotice } from '../resources/session/login-state';
import { onSessionChangeElsewhere } from '../resources/session/session-channel';

type Router = ReturnType<typeof createBrowserRouter>;

function noticeFor(end: SessionEnd): LoginNotice | undefined {
  // A first visit without a session is no news: the login page then says nothing.
  if (!end.hadSession) return undefined;
  return end.code === 'session_ended' ? { kind: 'sessionEnded', message: end.message } : { kind: 'sessionExpired' };
}

async function goToLogin(router: Router, queryClient: QueryClient, notice: LoginNotice | undefined) {
  const { pathname, search, hash } = router.state.location;
  if (pathname !== '/login') {
    const state: LoginLocationState = { from: pathname + search + hash, notice };
    // Leave the signed-in pages before clearing their data, so none of them refetches it.
    await router.navigate('/login', { replace: true, state });
  }
  queryClient.clear();
}

/** Starts watching; returns the function that stops it. */
export function watchSession(router: Router, queryClient: QueryClient): () => void {
  const stopEnds = api.onSessionEnd((end) => void goToLogin(router, queryClient, noticeFor(end)));
  // Read the session another tab left: if its scope or user differs, what was cached for ours goes.
  const catchUp = () =>
    void fetchSession()
      .then((session) => adoptSession(queryClient, session))
      .catch(() => undefined); // a 401 is handled as a session end above
  const stopScopeChanges = api.onScopeChangedElsewhere(catchUp);
  const stopOtherTabs = onSessionChangeElsewhere((change) => {
    if (change === 'logout') {
      api.setSession(null);
      void goToLogin(router, queryClient, { kind: 'signedOutElsewhere' });
    } else if (router.state.location.pathname !== '/login') {
      catchUp();
    }
  });
  return () => {
    stopEnds();
    stopScopeChanges();
    stopOtherTabs();
  };
}
