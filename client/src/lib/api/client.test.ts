import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { createApiClient, serviceOfPath, type SessionEnd } from './client';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a list of routes and records every call. */
function stubFetch(routes: Record<string, () => Response>) {
  const calls: Call[] = [];
  const fetchStub = vi.fn(async (input: string | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init });
    const route = Object.entries(routes).find(([prefix]) => url.startsWith(prefix));
    if (!route) throw new Error(`unexpected call to ${url}`);
    return route[1]();
  });
  return { fetch: fetchStub as unknown as typeof fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const headersOf = (call: Call | undefined) => new Headers(call?.init.headers);

describe('api client', () => {
  it('sends same-origin credentials and the CSRF token on writes only', async () => {
    const { fetch, calls } = stubFetch({ '/api/os/compute/servers': json({ servers: [] }), '/api/auth/scope': json({}) });
    const client = createApiClient(fetch);
    client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p1' });

    await client.get('/api/os/compute/servers');
    await client.post('/api/auth/scope', { projectId: 'p2' });
    await client.delete('/api/os/compute/servers/s1');

    expect(calls.map((call) => call.init.credentials)).toEqual(['same-origin', 'same-origin', 'same-origin']);
    expect(headersOf(calls[0]).get('x-csrf-token')).toBeNull();
    expect(headersOf(calls[1]).get('x-csrf-token')).toBe('csrf-1');
    expect(headersOf(calls[1]).get('content-type')).toBe('application/json');
    expect(calls[1]?.init.body).toBe('{"projectId":"p2"}');
    expect(headersOf(calls[2]).get('x-csrf-token')).toBe('csrf-1');
  });

  it("names the scope a call acts in when it is not the session's (a row of another project or region), and only then", async () => {
    const { fetch, calls } = stubFetch({ '/api/os/compute/servers': json({}) });
    const client = createApiClient(fetch);
    client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p1' });

    await client.post('/api/os/compute/servers/s1/action', { 'os-stop': null }, { scope: { projectId: 'p2', region: 'Region Two' } });
    await client.get('/api/os/compute/servers/s1', { scope: { projectId: 'p1', region: 'RegionTwo' } });
    await client.get('/api/os/compute/servers/s1', { scope: { projectId: 'p1', region: 'RegionOne' } });

    expect(headersOf(calls[0]).get('x-zenith-target-scope')).toBe('p2/Region%20Two');
    expect(headersOf(calls[0]).get('x-zenith-scope')).toBeNull();
    // A write in another scope is still a write of this session: its CSRF token goes with it.
    expect(headersOf(calls[0]).get('x-csrf-token')).toBe('csrf-1');
    expect(headersOf(calls[1]).get('x-zenith-target-scope')).toBe('p1/RegionTwo');
    // The session's own scope is the page's: the usual check that no other tab moved the session.
    expect(headersOf(calls[2]).get('x-zenith-target-scope')).toBeNull();
    expect(headersOf(calls[2]).get('x-zenith-scope')).toBe('p1/RegionOne');
  });

  it('tells the BFF which scope an OpenStack call is for, and hears when another tab changed it', async () => {
    const { fetch, calls } = stubFetch({
      '/api/os/compute/servers': json(
        { error: { message: 'The session now works in another project', status: 409, code: 'scope_changed' } },
        409,
      ),
      '/api/auth/session': json({}),
    });
    const client = createApiClient(fetch);
    client.setSession({ csrfToken: 'csrf-1', region: 'Region One', projectId: 'p1' });
    const scopeChanges = vi.fn();
    client.onScopeChangedElsewhere(scopeChanges);

    await expect(client.get('/api/os/compute/servers')).rejects.toMatchObject({ status: 409, code: 'scope_changed' });
    await client.get('/api/auth/session');

    expect(headersOf(calls[0]).get('x-zenith-scope')).toBe('p1/Region%20One');
    expect(headersOf(calls[1]).get('x-zenith-scope')).toBeNull();
    expect(scopeChanges).toHaveBeenCalledTimes(1);
  });

  it('passes the AbortSignal to fetch and lets an abort through unchanged', async () => {
    const controller = new AbortController();
    const fetchStub = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      expect(init?.signal).toBe(controller.signal);
      throw new DOMException('aborted', 'AbortError');
    });
    const client = createApiClient(fetchStub);
    controller.abort();
    await expect(client.get('/api/os/image/v2/images', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('encodes query parameters, repeating arrays', async () => {
    const { fetch, calls } = stubFetch({ '/api/os/network': json({}) });
    await createApiClient(fetch).get('/api/os/network/v2.0/ports', {
      params: { device_id: 'd 1', fields: ['id', 'name'], limit: 5, marker: undefined },
    });
    expect(calls[0]?.url).toBe('/api/os/network/v2.0/ports?device_id=d+1&fields=id&fields=name&limit=5');
  });

  it('ends the session on a 401 session_ended: listeners hear it, the CSRF token is forgotten', async () => {
    const { fetch, calls } = stubFetch({
      '/api/os/compute': json(
        { error: { message: 'The request you have made requires authentication.', status: 401, requestId: 'req-9', code: 'session_ended' } },
        401,
      ),
      '/api/auth/logout': () => new Response(null, { status: 204 }),
    });
    const client = createApiClient(fetch);
    client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p1' });
    const ends: SessionEnd[] = [];
    client.onSessionEnd((end) => ends.push(end));

    const error = await client.get('/api/os/compute/servers').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, service: 'compute', code: 'session_ended', requestId: 'req-9' });
    expect(ends).toEqual([
      { code: 'session_ended', message: 'The request you have made requires authentication.', requestId: 'req-9', hadSession: true },
    ]);

    await client.post('/api/auth/logout');
    expect(headersOf(calls[1]).get('x-csrf-token')).toBeNull();
  });

  it('reports no_session on a first visit as a session the page never had', async () => {
    const { fetch } = stubFetch({ '/api/auth/session': json({ error: { message: 'Not signed in', status: 401, code: 'no_session' } }, 401) });
    const client = createApiClient(fetch);
    const listener = vi.fn();
    client.onSessionEnd(listener);
    await expect(client.get('/api/auth/session')).rejects.toMatchObject({ status: 401, service: 'zenith' });
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ code: 'no_session', hadSession: false }));
  });

  it('treats a 403 as a refusal: the session stays', async () => {
    const { fetch, calls } = stubFetch({
      '/api/os/compute/os-hypervisors': json({ forbidden: { code: 403, message: 'Policy does not allow it.' } }, 403, {
        'x-compute-request-id': 'req-f',
      }),
      '/api/os/compute/servers': json({}),
    });
    const client = createApiClient(fetch);
    client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p1' });
    const listener = vi.fn();
    client.onSessionEnd(listener);

    await expect(client.get('/api/os/compute/os-hypervisors')).rejects.toMatchObject({
      status: 403,
      message: 'Policy does not allow it.',
      requestId: 'req-f',
    });
    await client.post('/api/os/compute/servers', {});
    expect(listener).not.toHaveBeenCalled();
    expect(headersOf(calls[1]).get('x-csrf-token')).toBe('csrf-1');
  });

  it('does not end the session for other 401s (wrong password at login)', async () => {
    const { fetch } = stubFetch({
      '/api/auth/login': json({ error: { message: 'The request you have made requires authentication.', status: 401, requestId: 'req-k' } }, 401),
    });
    const client = createApiClient(fetch);
    const listener = vi.fn();
    client.onSessionEnd(listener);
    await expect(client.post('/api/auth/login', { username: 'demo', password: 'nope' })).rejects.toMatchObject({
      status: 401,
      requestId: 'req-k',
    });
    expect(listener).not.toHaveBeenCalled();
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    const client = createApiClient(vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    await expect(client.get('/api/auth/session')).rejects.toMatchObject({ status: 0, message: 'Failed to fetch' });
  });

  it('negotiates microversions once per region and service', async () => {
    const { fetch, calls } = stubFetch({
      '/api/versions/compute': json({ serviceType: 'compute', version: '2.96', minMicroversion: '2.1', maxMicroversion: '2.60' }),
      '/api/os/compute': json({}),
      '/api/os/network': json({}),
      '/api/versions/network': json({ serviceType: 'network', version: 'v2.0' }),
    });
    const client = createApiClient(fetch);
    client.setSession({ csrfToken: 'c', region: 'RegionOne', projectId: 'p1' });

    await client.get('/api/os/compute/servers/detail', { microversion: '2.79' });
    await client.get('/api/os/compute/flavors', { microversion: '2.55' });
    await client.get('/api/os/network/v2.0/networks', { microversion: '2.0' });
    client.setSession({ csrfToken: 'c', region: 'RegionTwo', projectId: 'p1' });
    await client.get('/api/os/compute/servers/detail', { microversion: '2.79' });

    expect(calls.map((call) => call.url)).toEqual([
      '/api/versions/compute',
      '/api/os/compute/servers/detail',
      '/api/os/compute/flavors',
      '/api/versions/network',
      '/api/os/network/v2.0/networks',
      '/api/versions/compute',
      '/api/os/compute/servers/detail',
    ]);
    expect(headersOf(calls[1]).get('openstack-api-version')).toBe('compute 2.60');
    expect(headersOf(calls[1]).get('x-openstack-nova-api-version')).toBe('2.60');
    expect(headersOf(calls[2]).get('openstack-api-version')).toBe('compute 2.55');
    expect(headersOf(calls[4]).get('openstack-api-version')).toBeNull();
  });

  it('retries a failed version discovery on the next call', async () => {
    let answers = 0;
    const { fetch } = stubFetch({
      '/api/versions/compute': () =>
        ++answers === 1 ? new Response('upstream down', { status: 502 }) : json({ serviceType: 'compute', maxMicroversion: '2.90', minMicroversion: '2.1' })(),
      '/api/os/compute': json({}),
    });
    const client = createApiClient(fetch);
    await expect(client.get('/api/os/compute/limits', { microversion: '2.79' })).rejects.toMatchObject({ status: 502 });
    await expect(client.get('/api/os/compute/limits', { microversion: '2.79' })).resolves.toEqual({});
  });

  it('returns undefined for 204 and parsed JSON otherwise', async () => {
    const { fetch } = stubFetch({ '/api/auth/logout': () => new Response(null, { status: 204 }), '/api/auth/projects': json({ projects: [] }) });
    const client = createApiClient(fetch);
    await expect(client.post('/api/auth/logout')).resolves.toBeUndefined();
    await expect(client.get('/api/auth/projects')).resolves.toEqual({ projects: [] });
  });
});

describe('a call that renews the session', () => {
  /** A fetch whose answers the test releases one by one, in any order. */
  function heldFetch() {
    const calls: { url: string; headers: Headers; answer: (response: Response) => void }[] = [];
    const fetchStub = ((input: string | URL, init: RequestInit = {}) =>
      new Promise<Response>((resolve) => calls.push({ url: String(input), headers: new Headers(init.headers), answer: resolve }))) as typeof fetch;
    return { fetch: fetchStub, calls };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const renewed = { csrfToken: 'csrf-2', region: 'RegionOne', project: { id: 'p1' }, user: { id: 'u1' } };

  it('waits for the calls in flight, holds the calls made meanwhile, and gives them the new CSRF token', async () => {
    const { fetch, calls } = heldFetch();
    const client = createApiClient(fetch);
    client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p1' });

    const before = client.get('/api/os/compute/servers');
    const renewal = client.post('/api/auth/renew', { method: 'password', password: 'pw' }, { renewsSession: true });
    const during = client.post('/api/os/compute/servers/s1/action', { reboot: { type: 'SOFT' } });
    await tick();
    // Only the call that was already in flight has gone out.
    expect(calls.map((call) => call.url)).toEqual(['/api/os/compute/servers']);

    calls[0]!.answer(Response.json({ servers: [] }));
    await before;
    await tick();
    expect(calls.map((call) => call.url)).toEqual(['/api/os/compute/servers', '/api/auth/renew']);
    expect(calls[1]!.headers.get('x-csrf-token')).toBe('csrf-1');

    calls[1]!.answer(Response.json(renewed));
    await expect(renewal).resolves.toEqual(renewed);
    await tick();
    expect(calls.map((call) => call.url)).toEqual(['/api/os/compute/servers', '/api/auth/renew', '/api/os/compute/servers/s1/action']);
    expect(calls[2]!.headers.get('x-csrf-token')).toBe('csrf-2');
    calls[2]!.answer(new Response(null, { status: 202 }));
    await during;
  });

  it('lets the held calls go with the old session when the renewal is refused', async () => {
    const { fetch, calls } = heldFetch();
    const client = createApiClient(fetch);
    client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p1' });
    const renewal = client.post('/api/auth/renew', { method: 'password', password: 'bad' }, { renewsSession: true });
    const during = client.delete('/api/os/compute/servers/s1');
    await tick();
    calls[0]!.answer(Response.json({ error: { message: 'The request you have made requires authentication.', status: 401, code: 'unauthorized' } }, { status: 401 }));
    await expect(renewal).rejects.toBeInstanceOf(ApiError);
    await tick();
    expect(calls[1]?.headers.get('x-csrf-token')).toBe('csrf-1');
    calls[1]!.answer(new Response(null, { status: 204 }));
    await during;
  });
});

describe('early reads', () => {
  const servers = { servers: [{ id: 's1' }] };

  function started() {
    const { fetch, calls } = stubFetch({ '/api/os/compute/servers/detail': json(servers) });
    const client = createApiClient(fetch);
    client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p1' });
    client.seedServiceVersions('RegionOne', [{ serviceType: 'compute', version: 'v2.1', minMicroversion: '2.1', maxMicroversion: '2.90' }]);
    client.startEarlyRead('/api/os/compute/servers/detail', { params: { limit: 21 }, microversion: '2.93' });
    return { client, calls };
  }

  it('answers the first identical read without asking again, and the next one by asking', async () => {
    const { client, calls } = started();
    expect(await client.get('/api/os/compute/servers/detail', { params: { limit: 21 }, microversion: '2.93' })).toEqual(servers);
    expect(calls).toHaveLength(1);
    expect(headersOf(calls[0]).get('openstack-api-version')).toBe('compute 2.90');
    await client.get('/api/os/compute/servers/detail', { params: { limit: 21 }, microversion: '2.93' });
    expect(calls).toHaveLength(2);
  });

  it('is not taken by a read of another page, another microversion or another scope', async () => {
    const { client, calls } = started();
    await client.get('/api/os/compute/servers/detail', { params: { limit: 51 }, microversion: '2.93' });
    await client.get('/api/os/compute/servers/detail', { params: { limit: 21 }, microversion: '2.60' });
    client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p2' });
    await client.get('/api/os/compute/servers/detail', { params: { limit: 21 }, microversion: '2.93' });
    expect(calls).toHaveLength(4);
  });

  it('lets its taker give up (AbortError) without cancelling it', async () => {
    const { client, calls } = started();
    const controller = new AbortController();
    const taken = client.get('/api/os/compute/servers/detail', { params: { limit: 21 }, microversion: '2.93', signal: controller.signal });
    controller.abort();
    await expect(taken).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]?.init.signal).toBeUndefined();
  });

  it('is dropped when nobody takes it within 10 s', async () => {
    vi.useFakeTimers();
    try {
      const { client, calls } = started();
      await vi.advanceTimersByTimeAsync(10_000);
      await client.get('/api/os/compute/servers/detail', { params: { limit: 21 }, microversion: '2.93' });
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('pageReadsSettled', () => {
  it('waits for the page\'s calls, not for probes, and never longer than it is told', async () => {
    vi.useFakeTimers();
    try {
      let answerPage: (response: Response) => void = () => undefined;
      const fetchStub = vi.fn((input: string | URL) =>
        String(input).includes('probe') ? new Promise<Response>(() => undefined) : new Promise<Response>((resolve) => (answerPage = resolve)),
      );
      const client = createApiClient(fetchStub as unknown as typeof fetch);
      let settled = false;
      await client.pageReadsSettled(1000);

      void client.get('/api/os/compute/probe', { purpose: 'probe' });
      const page = client.get('/api/os/compute/servers');
      void client.pageReadsSettled(1000).then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(10);
      expect(settled).toBe(false);
      answerPage(new Response('{}', { status: 200 }));
      await page;
      // Not in the task that hands the answer to the page: after the page has drawn it.
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(true);

      void client.get('/api/os/compute/servers');
      let gaveUp = false;
      void client.pageReadsSettled(1000).then(() => (gaveUp = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(gaveUp).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(gaveUp).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('serviceOfPath', () => {
  it('names the OpenStack service, or zenith for the BFF', () => {
    expect(serviceOfPath('/api/os/block-storage/volumes')).toBe('block-storage');
    expect(serviceOfPath('/api/versions/compute')).toBe('compute');
    expect(serviceOfPath('/api/auth/login')).toBe('zenith');
  });

  describe('streamLines', () => {
    /** An NDJSON answer whose body arrives in the given byte pieces, each only once `release` is called. */
    function chunkedAnswer(pieces: Uint8Array[], status = 200) {
      const waiting: (() => void)[] = [];
      let released = 0;
      const body = new ReadableStream<Uint8Array>({
        pull: (controller) =>
          new Promise<void>((resolve) => {
            const deliver = () => {
              const piece = pieces.shift();
              if (piece === undefined) controller.close();
              else controller.enqueue(piece);
              resolve();
            };
            if (released > 0) {
              released--;
              deliver();
            } else waiting.push(deliver);
          }),
      });
      const response = new Response(body, { status, headers: { 'content-type': 'application/x-ndjson', 'x-openstack-request-id': 'req-s' } });
      const release = () => {
        const next = waiting.shift();
        if (next) next();
        else released++;
      };
      return { response, release };
    }

    const text = '{"kind":"start","n":1}\n{"kind":"result","name":"café"}\n\n{"kind":"end"}\n';
    const bytes = new TextEncoder().encode(text);
    const inE = new TextEncoder().encode(text.slice(0, text.indexOf('é'))).length + 1;
    // Pieces cut inside the first line, just after it, inside the two bytes of "é", and inside the last line.
    const cuts = [10, 23, inE, bytes.length - 4, bytes.length];
    const pieces = () => cuts.map((end, index) => bytes.slice(index === 0 ? 0 : cuts[index - 1], end));

    it('yields each line once it is whole, as the pieces arrive, whatever they split', async () => {
      const { response, release } = chunkedAnswer(pieces());
      const { fetch, calls } = stubFetch({ '/api/everywhere/': () => response });
      const client = createApiClient(fetch);
      client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p1' });

      const lines = client.streamLines('/api/everywhere/compute/servers/detail?name=web')[Symbol.asyncIterator]();
      const first = lines.next();
      release();
      release();
      await expect(first).resolves.toEqual({ done: false, value: { kind: 'start', n: 1 } });
      // The first line came with two of five pieces: the call is still in the log as in flight.
      expect(client.requestLog.entries()).toMatchObject([{ service: 'compute', method: 'GET', path: '/api/everywhere/compute/servers/detail?name=web', status: null }]);

      const rest = (async () => {
        const values: unknown[] = [];
        for (let next = await lines.next(); !next.done; next = await lines.next()) values.push(next.value);
        return values;
      })();
      for (let index = 0; index < 4; index++) release();
      await expect(rest).resolves.toEqual([{ kind: 'result', name: 'café' }, { kind: 'end' }]);
      expect(client.requestLog.entries()).toMatchObject([{ status: 200, requestId: 'req-s' }]);
      expect(client.requestLog.entries()[0]?.error).toBeUndefined();
      expect(headersOf(calls[0]).get('accept')).toBe('application/x-ndjson');
      expect(headersOf(calls[0]).get('x-csrf-token')).toBeNull();
      expect(calls[0]?.init.credentials).toBe('same-origin');
    });

    it('ends the session on a 401 session_ended, one log entry with its status', async () => {
      const { fetch } = stubFetch({
        '/api/everywhere/': json({ error: { message: 'Token expired', status: 401, requestId: 'req-9', code: 'session_ended' } }, 401),
      });
      const client = createApiClient(fetch);
      client.setSession({ csrfToken: 'csrf-1', region: 'RegionOne', projectId: 'p1' });
      const ends: SessionEnd[] = [];
      client.onSessionEnd((end) => ends.push(end));

      const reading = (async () => {
        for await (const line of client.streamLines('/api/everywhere/compute/servers/detail')) void line;
      })();
      await expect(reading).rejects.toMatchObject({ status: 401, code: 'session_ended', requestId: 'req-9' });
      expect(ends).toMatchObject([{ code: 'session_ended', hadSession: true }]);
      expect(client.requestLog.entries()).toMatchObject([{ status: 401, requestId: 'req-9' }]);
    });

    it('passes the signal on; an abort ends the read and its log entry says so', async () => {
      const { response, release } = chunkedAnswer(pieces());
      const { fetch, calls } = stubFetch({ '/api/everywhere/': () => response });
      const client = createApiClient(fetch);
      const controller = new AbortController();
      const lines = client.streamLines('/api/everywhere/compute/servers/detail', { signal: controller.signal })[Symbol.asyncIterator]();
      const first = lines.next();
      release();
      release();
      await first;
      expect(calls[0]?.init.signal).toBe(controller.signal);
      await lines.return(undefined);
      expect(client.requestLog.entries()).toMatchObject([{ status: 200, error: 'aborted' }]);
    });
  });
});
