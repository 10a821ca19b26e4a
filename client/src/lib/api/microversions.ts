// Microversion negotiation: ask each cloud for the newest behaviour a feature was written for, but never for
// more than that cloud supports, so one build of Zenith works against old and new releases alike.
import { canonicalServiceType } from '@contract/service-types';
import type { ServiceVersions } from '@contract/versions';

export type { ServiceVersions };

interface Microversion {
  major: number;
  minor: number;
}

export function parseMicroversion(text: string | undefined): Microversion | undefined {
  const match = /^v?(\d+)\.(\d+)$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

function compare(a: Microversion, b: Microversion): number {
  return a.major - b.major || a.minor - b.minor;
}

function format(version: Microversion): string {
  return `${version.major}.${version.minor}`;
}

/**
 * The microversion to request: min(newest the cloud supports, the one the feature wants), raised to the cloud's
 * oldest if the feature asks for less. Undefined when the service has no microversions (Neutron, Glance, Heat):
 * the caller then sends no header and gets the base version.
 */
export function negotiateMicroversion(versions: ServiceVersions, wanted: string): string | undefined {
  const requested = parseMicroversion(wanted);
  if (!requested) throw new Error(`Not a microversion: ${wanted}`);
  const min = parseMicroversion(versions.minMicroversion);
  // Nova's version document names its maximum `version`; the BFF may pass it on as such.
  const max = parseMicroversion(versions.maxMicroversion) ?? (min ? parseMicroversion(versions.version) : undefined);
  if (!max) return undefined;
  let chosen = compare(requested, max) > 0 ? max : requested;
  if (min && compare(chosen, min) < 0) chosen = min;
  return format(chosen);
}

/** The name a service expects in `OpenStack-API-Version: <name> <version>`. */
const headerServiceNames: Record<string, string> = {
  'block-storage': 'volume',
  'shared-file-system': 'sharev2',
};

export function microversionHeaders(serviceType: string, version: string): Record<string, string> {
  const canonical = canonicalServiceType(serviceType);
  const headers: Record<string, string> = {
    'OpenStack-API-Version': `${headerServiceNames[canonical] ?? canonical} ${version}`,
  };
  // Nova releases before Ocata only read their legacy header.
  if (canonical === 'compute') headers['X-OpenStack-Nova-API-Version'] = version;
  return headers;
}
