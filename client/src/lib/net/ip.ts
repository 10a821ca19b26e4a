// IPv4 and IPv6 addresses and CIDRs as numbers, so the subnet form can check what Neutron would refuse (a CIDR
// with host bits, a gateway outside the subnet, overlapping subnets or pools) before anything is sent.

export type IpVersion = 4 | 6;

export interface IpAddress {
  version: IpVersion;
  value: bigint;
}

export interface Cidr {
  version: IpVersion;
  /** The address as written (host bits possibly set). */
  address: bigint;
  prefix: number;
  /** First and last addresses of the range. */
  first: bigint;
  last: bigint;
}

const bits = (version: IpVersion) => (version === 4 ? 32 : 128);

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // No leading zeros: "010" is octal to some parsers and refused by Neutron's netaddr.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (const [index, piece] of pieces.entries()) {
      // An embedded IPv4 address (::ffff:192.0.2.1) stands for the last two groups.
      if (index === pieces.length - 1 && piece.includes('.')) {
        const ipv4 = parseIpv4(piece);
        if (ipv4 === null) return null;
        groups.push(Number(ipv4 >> 16n), Number(ipv4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  let value = 0n;
  for (const group of [...head, ...new Array<number>(missing).fill(0), ...tail]) value = (value << 16n) | BigInt(group);
  return value;
}

export function parseIp(text: string): IpAddress | null {
  const trimmed = text.trim();
  if (trimmed.includes(':')) {
    const value = parseIpv6(trimmed);
    return value === null ? null : { version: 6, value };
  }
  const value = parseIpv4(trimmed);
  return value === null ? null : { version: 4, value };
}

export function parseCidr(text: string): Cidr | null {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
  if (!match) return null;
  const address = parseIp(match[1]!);
  const prefix = Number(match[2]);
  if (!address || prefix > bits(address.version)) return null;
  const hostBits = BigInt(bits(address.version) - prefix);
  const first = (address.value >> hostBits) << hostBits;
  return { version: address.version, address: address.value, prefix, first, last: first + (1n << hostBits) - 1n };
}

export function formatIp({ version, value }: IpAddress): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
  // RFC 5952: the longest run (2 groups or more) of zero groups becomes "::".
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; ) {
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > best.length) best = { start, length: end - start };
    start = end === start ? start + 1 : end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** The CIDR with its host bits cleared: what Neutron recommends when given 10.0.0.1/24. */
export function normalizedCidr(cidr: Cidr): string {
  return `${formatIp({ version: cidr.version, value: cidr.first })}/${cidr.prefix}`;
}

export function isNetworkAddress(cidr: Cidr): boolean {
  return cidr.address === cidr.first;
}

export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  return cidr.version === address.version && address.value >= cidr.first && address.value <= cidr.last;
}

export function rangesOverlap(a: { first: bigint; last: bigint }, b: { first: bigint; last: bigint }): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && rangesOverlap(a, b);
}
