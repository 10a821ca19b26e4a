// An action's calls as HTTP requests, in the order they are sent (follow-ups with their placeholders), against the
// real endpoints of the session's catalog and with the microversion the client would negotiate; and the "CLI | HTTP"
// views of an action for every dialog, form and page that offers one.
import { useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, serviceOfPath, withParams } from '../api/client';
import { httpExchange, requestHeaders, type HttpExchange } from '../api/http-exchange';
import { withoutSecrets } from '../api/log-redaction';
import type { ServiceVersions } from '../api/microversions';
import { ScopeContext } from '../scope';
import { ApiViews, type ApiViewsProps } from '../ui/api-views';
import { HttpExchangeView } from '../ui/http-exchange-view';
import { requestsInOrder } from './follow-ups';
import type { AcceptedCalls, ActionRequest } from './types';

/** The version documents of these services, as the API client fetched (and cached) them; absent until known. */
function useServiceVersions(serviceTypes: readonly string[]): ReadonlyMap<string, ServiceVersions> {
  const [known, setKnown] = useState<ReadonlyMap<string, ServiceVersions>>(() => new Map());
  const wanted = serviceTypes.join('\n');
  useEffect(() => {
    let live = true;
    for (const serviceType of wanted === '' ? [] : wanted.split('\n')) {
      // A failed discovery leaves the microversion asked for: the view still shows the call.
      api.serviceVersions(serviceType).then(
        (versions) => live && setKnown((current) => new Map(current).set(serviceType, versions)),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [wanted]);
  return known;
}

/** The calls as the services would receive them, secrets (a password, a pre-shared key) masked as the request log masks them. */
export function useActionExchanges(requests: readonly ActionRequest[]): HttpExchange[] {
  const services = useContext(ScopeContext)?.services ?? [];
  const versioned = [...new Set(requests.filter((call) => call.microversion).map((call) => serviceOfPath(call.path)))].sort();
  const versions = useServiceVersions(versioned);
  return requests.map((call) => {
    const service = serviceOfPath(call.path);
    const headers = requestHeaders(service, call, versions.get(service));
    return httpExchange({ method: call.method, path: withParams(call.path, call.params), headers, body: withoutSecrets(call.body) }, services);
  });
}

/** Whatever made the calls failed: an input not yet complete enough to build them. */
function buildCalls(requests: () => readonly ActionRequest[], accepted?: AcceptedCalls) {
  try {
    return requestsInOrder(requests(), accepted);
  } catch {
    return null;
  }
}

export function ActionHttpView({
  requests,
  accepted,
  testId,
}: {
  requests: () => readonly ActionRequest[];
  /** Calls already accepted in an earlier attempt: not sent again, so not shown. */
  accepted?: AcceptedCalls;
  testId?: string;
}) {
  const { t } = useTranslation();
  const built = buildCalls(requests, accepted);
  const exchanges = useActionExchanges(built?.requests ?? []);
  if (!built) return <p className="text-sm text-fg-muted">{t('apiViews.incomplete')}</p>;
  return (
    <div className="space-y-2">
      <HttpExchangeView exchanges={exchanges} testId={testId} />
      {built.unknownFollowUps && <p className="text-xs text-fg-muted">{t('apiViews.unknownFollowUps')}</p>}
    </div>
  );
}

/** "CLI | HTTP" for calls declared as ActionRequests (an action's `cli` and `request`). */
export function ActionApiViews({
  requests,
  accepted,
  ...props
}: Omit<ApiViewsProps, 'http'> & { requests: () => readonly ActionRequest[]; accepted?: AcceptedCalls }) {
  return <ApiViews {...props} http={() => <ActionHttpView requests={requests} accepted={accepted} />} />;
}
