// Enough IP arithmetic to tell whether a fixed IP the user typed lies inside one of the network's subnets.

interface ParsedAddress {
  version: 4 | 6;
  value: bigint;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) + BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  // An embedded IPv4 address (::ffff:192.0.2.1) counts as two groups.
  const expand = (groups: string[]): string[] | undefined => {
    const last = groups.at(-1);
    if (last?.includes('.')) {
      const v4 = parseIpv4(last);
      if (v4 === undefined) return undefined;
      return [...groups.slice(0, -1), (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16)];
    }
    return groups;
  };
  const headExpanded = tail === undefined ? expand(headGroups) : headGroups;
  const tailExpanded = tail === undefined ? [] : expand(tailGroups);
  if (!headExpanded || !tailExpanded) return undefined;
  const missing = 8 - headExpanded.length - tailExpanded.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...headExpanded, ...Array<string>(missing).fill('0'), ...tailExpanded];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) + BigInt(`0x${group}`);
  }
  return value;
}

export function parseIpAddress(text: string): ParsedAddress | undefined {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = parseIpv6(trimmed);
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

export function isIpAddress(text: string): boolean {
  return parseIpAddress(text) !== undefined;
}

/** True when `ip` is an address of the `cidr` network (same family, same prefix). */
export function ipInCidr(ip: string, cidr: string): boolean {
  const [network = '', prefixText = ''] = cidr.split('/');
  const address = parseIpAddress(ip);
  const base = parseIpAddress(network);
  const prefix = Number(prefixText);
  if (!address || !base || address.version !== base.version || !/^\d+$/.test(prefixText)) return false;
  const bits = address.version === 4 ? 32 : 128;
  if (prefix > bits) return false;
  const shift = BigInt(bits - prefix);
  return address.value >> shift === base.value >> shift;
}
