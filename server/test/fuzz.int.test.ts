// The fuzz suite's hostile requests (server/src/testing/fuzz.ts) against the real local cloud, read-only: reads through
// the proxy to every service, version discovery, the session's reads, project and region switches to ids that do not
// exist, and sign-ins of users that do not exist (never demo's or admin's, whom Keystone could lock out). The services'
// own answers (4xx and 5xx) pass through as theirs, and when one fails the BFF (the local Keystone drops the connection
// on a name with a character outside the BMP: its MySQL columns are utf8mb3) the BFF's 502 says so; the BFF may
// answer no other 5xx, and refuses in its error body.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { SessionView } from '../src/contract/session.js';
import { json, removeTemporaryDirectories, startZenith, TestBrowser, type RunningZenith } from '../src/testing/harness.js';
import {
  expectBffAnswer,
  fuzzedRequests,
  fuzzParameters,
  fuzzTimeoutMs,
  jsonBody,
  oddPathSuffix,
  oddString,
  toRawRequest,
  type FuzzRoute,
  type SessionClaim,
} from '../src/testing/fuzz.js';
import { rawRequest } from '../src/testing/raw-http.js';
import { sessionCookieName } from '../src/session/session.js';
import { credentials, expectNoToken, integrationConfig, waitForCloud } from './support.js';

// A real service takes tens of milliseconds a call: fewer cases than the unit suite's.
const defaultRuns = 25;

let zenith: RunningZenith;
let session: SessionView;
let browser: TestBrowser;

async function signIn(): Promise<void> {
  browser = new TestBrowser(zenith.baseUrl);
  const { username, password } = credentials('zenith-demo');
  const response = await browser.send('/api/auth/login', { method: 'POST', json: { username, password } });
  if (response.status !== 200) throw new Error(`demo cannot sign in: ${response.status} ${response.body}`);
  session = json<SessionView>(response);
  browser.csrfToken = session.csrfToken;
}

beforeAll(async () => {
  await waitForCloud();
  const config = integrationConfig();
  config.server.logLevel = 'silent';
  zenith = await startZenith(config);
  await signIn();
});

afterAll(async () => {
  await zenith?.close();
  removeTemporaryDirectories();
});

function cookieFor(claim: SessionClaim, garbage: string): string | undefined {
  switch (claim) {
    case 'signed-in':
      return browser.cookie;
    case 'none':
      return undefined;
    case 'unknown-id':
    case 'forged':
      // Without the server's secret (a state directory's own), a forged cookie is all a test can make.
      return `${sessionCookieName}=s%3Aforged-id.${'A'.repeat(43)}`;
    case 'garbage':
      return garbage;
  }
}

async function fuzzRoute(route: FuzzRoute): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fuzzedRequests(route, { csrfToken: session.csrfToken, scope: `${session.project.id}/${session.region}`, origin: zenith.baseUrl }),
      async (fuzzed) => {
        const request = toRawRequest(fuzzed, cookieFor(fuzzed.claim, fuzzed.garbageCookie));
        const answer = await rawRequest(zenith.baseUrl, request, 30_000);
        expectBffAnswer(answer, request, { serviceRequestIdPrefix: 'req-', realCloud: true });
        expectNoToken(answer);
        // A service that refused the token ended the session: the next cases start from a new one.
        if (answer.body.includes('"code":"session_ended"')) await signIn();
      },
    ),
    fuzzParameters(defaultRuns),
  );
}

const notAUser = fc.oneof(fc.constant('zenith-fuzz-nobody'), oddString.map((name) => `zenith-fuzz-${name}`));

describe('fuzzed requests against the local cloud: no BFF 5xx, every refusal in the error body', { timeout: fuzzTimeoutMs(defaultRuns, 1000) }, () => {
  it('reads through the proxy, every service', () =>
    fuzzRoute({
      // Mostly reads; OPTIONS and TRACE now and then (refused before any service).
      methods: ['GET', 'GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'TRACE'],
      onlyTheseMethods: true,
      target: fc
        .constantFrom(
          '/api/os/compute/servers/detail',
          '/api/os/compute/flavors',
          '/api/os/compute/os-keypairs',
          '/api/os/network/v2.0/networks',
          '/api/os/network/v2.0/ports',
          '/api/os/image/v2/images',
          '/api/os/block-storage/volumes/detail',
          '/api/os/orchestration/stacks',
          '/api/os/placement/resource_providers',
          '/api/os/identity/auth/projects',
        ),
    }));

  it('version discovery', () =>
    fuzzRoute({
      methods: ['GET', 'HEAD'],
      onlyTheseMethods: true,
      target: fc.oneof(fc.constantFrom('compute', 'network', 'image', 'block-storage', 'volumev3', 'orchestration', 'placement', 'identity'), oddPathSuffix).map((type) => `/api/versions/${type}`),
    }));

  it("the session's reads", () =>
    fuzzRoute({
      methods: ['GET', 'HEAD'],
      onlyTheseMethods: true,
      target: fc.constantFrom('/api/auth/session', '/api/auth/projects', '/api/auth/catalog', '/api/auth/ec2-credentials', '/api/account'),
    }));

  it('project and region switches to what does not exist', () =>
    fuzzRoute({
      methods: ['POST'],
      onlyTheseMethods: true,
      target: fc.constant('/api/auth/scope'),
      body: jsonBody({ projectId: fc.oneof(fc.constant('0000000000000000000000000000dead'), oddString), region: fc.oneof(fc.constant('RegionOne'), oddString) }),
    }));

  it('sign-ins of users that do not exist', () =>
    fuzzRoute({
      methods: ['POST'],
      onlyTheseMethods: true,
      target: fc.constantFrom('/api/auth/login', '/api/auth/login/application-credential'),
      body: jsonBody({ username: notAUser, password: oddString, userDomain: fc.constant('Default'), project: oddString, region: oddString, name: notAUser, secret: oddString }),
    }));
});
