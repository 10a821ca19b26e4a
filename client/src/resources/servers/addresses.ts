// A server's addresses as Nova reports them (`addresses`: per network, fixed and floating), grouped for display.
import type { Server } from './types';

export interface ServerIps {
  fixed: string[];
  floating: string[];
}

export function serverIps(addresses: Server['addresses']): ServerIps {
  const fixed: string[] = [];
  const floating: string[] = [];
  for (const entries of Object.values(addresses)) {
    for (const entry of entries) {
      const list = entry['OS-EXT-IPS:type'] === 'floating' ? floating : fixed;
      if (!list.includes(entry.addr)) list.push(entry.addr);
    }
  }
  // IPv4 first: the one people type.
  const byVersion = (a: string, b: string) => Number(a.includes(':')) - Number(b.includes(':'));
  return { fixed: fixed.sort(byVersion), floating: floating.sort(byVersion) };
}

/** Per network: "demo-net: 10.0.0.5, 203.0.113.20 (floating)". */
export function addressesByNetwork(addresses: Server['addresses']): { network: string; fixed: string[]; floating: string[] }[] {
  return Object.entries(addresses).map(([network, entries]) => ({ network, ...serverIps({ [network]: entries }) }));
}
