// Signed-in pages render only with a session; without one the user goes to the login page (see session-events),
// and the scope (project, region, services) is provided to every page from here.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../lib/api/api-error';
import { QuotaSourceContext, type QuotaQueryOptions } from '../lib/actions/quota-source';
import { ScopeContext, type Scope } from '../lib/scope';
import { PreferenceOwnerContext } from '../lib/ui/column-preferences';
import { blockStorageQuotaOptions, computeQuotaOptions, loadBalancerQuotaOptions, networkQuotaOptions } from '../resources/quotas/limits';
import { ErrorNotice } from '../lib/ui/error-notice';
import { LoadingState } from '../lib/ui/loading-state';
import { sessionScope, useSession, useSessionExpiry } from '../resources/session/session';
import type { LoginLocationState } from '../resources/session/login-state';
import { SignedInSessionContext } from '../resources/session/session-context';

const endedByEvent = new Set(['no_session', 'session_ended']);

export function SessionGate() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const data = session.data;
  useSessionExpiry(data?.expiresAt);
  const scope = useMemo<Scope | null>(() => (data ? sessionScope(data) : null), [data]);
  // A create's quota impact reads the same queries as the overview's gauges (and refreshes them).
  const quotaSource = useMemo<QuotaQueryOptions | null>(() => {
    if (!scope) return null;
    const options = {
      compute: computeQuotaOptions,
      network: networkQuotaOptions,
      'block-storage': blockStorageQuotaOptions,
      'load-balancer': loadBalancerQuotaOptions,
    };
    return (service) => {
      const { queryKey, queryFn } = options[service](scope);
      return { queryKey, queryFn: (context) => queryFn!(context) };
    };
  }, [scope]);

  if (data && scope) {
    return (
      <SignedInSessionContext.Provider value={data}>
        <ScopeContext.Provider value={scope}>
          <PreferenceOwnerContext.Provider value={data.user.id}>
            <QuotaSourceContext.Provider value={quotaSource}>
              <Outlet />
            </QuotaSourceContext.Provider>
          </PreferenceOwnerContext.Provider>
        </ScopeContext.Provider>
      </SignedInSessionContext.Provider>
    );
  }

  if (session.error instanceof ApiError && session.error.status === 401) {
    // The session-end handler is already taking the user to the login page, with the reason.
    if (session.error.code && endedByEvent.has(session.error.code)) {
      return <LoadingState label={t('auth.redirecting')} className="justify-center" />;
    }
    const state: LoginLocationState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/login" replace state={state} />;
  }

  if (session.isError) {
    return (
      <main className="mx-auto max-w-xl p-8">
        <h1 className="mb-3 text-lg font-semibold">{t('app.sessionCheckFailed')}</h1>
        <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }

  return (
    <main className="flex min-h-screen items-center justify-center">
      <LoadingState label={t('app.loadingSession')} />
    </main>
  );
}
