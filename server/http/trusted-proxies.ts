import { BlockList, isIP } from 'node:net';

/** One trusted proxy: an address, or a range in CIDR notation. */
export interface ProxyRange {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

function familyOf(address: string): 'ipv4' | 'ipv6' | null {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
}

/** Reads `10.0.0.1`, `10.0.0.0/8` or `fd00::/8`; null when it is neither an address nor a range. */
export function parseProxyRange(entry: string): ProxyRange | null {
  const [address = '', prefixText, ...rest] = entry.trim().split('/');
  const family = familyOf(address);
  if (!family || rest.length > 0) return null;
  const bits = family === 'ipv4' ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: bits, family };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= bits ? { address, prefix, family } : null;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or ranges (empty entries are skipped). Each
 * malformed entry is an issue, which fails the start (server/env.ts).
 */
export function parseTrustedProxies(text: string | undefined): { ranges: ProxyRange[]; issues: string[] } {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const ranges: ProxyRange[] = [];
  const issues: string[] = [];
  for (const entry of entries) {
    const range = parseProxyRange(entry);
    if (range) ranges.push(range);
    else issues.push(`"${entry}" is not an IP address or CIDR range`);
  }
  return { ranges, issues };
}

/** Answers whether an address belongs to a trusted proxy (an IPv4-mapped IPv6 address counts as its IPv4). */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  constructor(ranges: readonly ProxyRange[]) {
    for (const range of ranges) this.list.addSubnet(range.address, range.prefix, range.family);
    this.empty = ranges.length === 0;
  }

  has(address: string): boolean {
    const family = familyOf(address);
    return family !== null && this.list.check(address, family);
  }
}
