// A minimal OpenStack client for the benchmarks: they must not depend on Zenith to prepare what they measure.
import { localCloud, type CloudName } from '../e2e/support/cloud';

export const keystone = 'http://127.0.0.1:5000/v3';

export interface Session {
  token: string;
  projectId: string;
  endpoints: Record<'compute' | 'image' | 'network' | 'block-storage', string>;
}

interface CatalogEntry {
  type: string;
  endpoints: { interface: string; region: string; url: string }[];
}

export async function authenticate(cloud: CloudName, projectName?: string): Promise<Session> {
  const login = localCloud.login(cloud);
  const response = await fetch(`${keystone}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: login.username, password: login.password, domain: { id: 'default' } } },
        },
        scope: { project: { name: projectName ?? login.project, domain: { id: 'default' } } },
      },
    }),
  });
  if (response.status !== 201) throw new Error(`Keystone login as ${cloud}: HTTP ${response.status}`);
  const { token } = (await response.json()) as { token: { project: { id: string }; catalog: CatalogEntry[] } };
  const endpoint = (type: string) => {
    const url = token.catalog
      .find((entry) => entry.type === type)
      ?.endpoints.find((candidate) => candidate.interface === 'public' && candidate.region === 'RegionOne')?.url;
    if (!url) throw new Error(`no public ${type} endpoint in RegionOne`);
    return url.replace(/\/$/, '');
  };
  return {
    token: response.headers.get('x-subject-token') ?? '',
    projectId: token.project.id,
    endpoints: { compute: endpoint('compute'), image: endpoint('image'), network: endpoint('network'), 'block-storage': endpoint('block-storage') },
  };
}

/** `apiVersion` is the OpenStack-API-Version header: Cinder refuses a request that names another service's version. */
export async function call<T>(session: Session, method: string, url: string, body?: unknown, apiVersion = 'compute 2.37'): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      'x-auth-token': session.token,
      'content-type': 'application/json',
      'openstack-api-version': apiVersion,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
