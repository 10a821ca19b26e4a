// Which Neutron API extensions the cloud loaded (GET /v2.0/extensions): service plugins such as VPNaaS add theirs
// only when neutron-server runs them, so a page built on one asks here rather than guessing from a 404.
import type { CapabilityProbe } from '../../lib/capabilities/capability';

export const networkExtensionsPath = '/api/os/network/v2.0/extensions';

/** Whether an answer of GET /v2.0/extensions lists `alias`. */
export function listsNetworkExtension(body: unknown, alias: string): boolean {
  const extensions = (body as { extensions?: { alias?: unknown }[] } | undefined)?.extensions;
  return Array.isArray(extensions) && extensions.some((extension) => extension.alias === alias);
}

/**
 * A navigation probe for a page that needs one extension: allowed when Neutron lists it; otherwise "denied" with
 * the reason, which hides the entry (the extension is absent for everyone, not refused to this user). Sent once
 * per scope by lib/capabilities, like every probe.
 */
export const networkExtensionProbe = (alias: string, feature: string): CapabilityProbe => ({
  id: `${feature}.network-extension.${alias}`,
  request: () => ({ method: 'GET', path: networkExtensionsPath }),
  read: (answer) => {
    if (!answer.ok) return { state: 'unknown', error: answer.error };
    if (listsNetworkExtension(answer.body, alias)) return { state: 'allowed' };
    return { state: 'denied', reason: `Neutron does not offer the ${alias} extension`, service: 'network' };
  },
});
