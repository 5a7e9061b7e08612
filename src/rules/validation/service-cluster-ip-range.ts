/**
 * The cluster's Service IP ranges, declared as kube-apiserver is told them:
 * `--service-cluster-ip-range 10.96.0.0/12` (single-stack) or
 * `10.96.0.0/12,fd00::/108` (dual-stack, the first range is the primary family).
 *
 * Ports of Kubernetes 1.28:
 * - cmd/kube-apiserver/app/options/completion.go getServiceIPAndRanges (split on
 *   `,`, netutils.ParseCIDRSloppy each entry) and
 *   pkg/controlplane/apiserver/options/options.go ServiceIPRange (the primary
 *   range holds at least 8 addresses);
 * - cmd/kube-apiserver/app/options/validation.go validateClusterIPFlags and
 *   validateMaxCIDRRange (at most two entries, of different families, each with
 *   at most 20 host bits: MultiCIDRServiceAllocator is off in 1.28);
 * - pkg/registry/core/service/ipallocator/bitmap.go New and Range.contains (the
 *   addresses the allocator hands out: not the network address, not an IPv4
 *   range's broadcast address, at most 65536 addresses of an IPv6 range).
 */
// IP addresses are 32- and 128-bit numbers here: masks and offsets are bit operations on bigints.
/* eslint-disable no-bitwise */
import { isValidCIDR, parseIPSloppy } from './apimachinery';

export type IPFamily = 'IPv4' | 'IPv6';

/** An IP address as a number, with its family (an IPv4-mapped IPv6 address is IPv4, as Go's To4 makes it). */
export interface ParsedIP {
  readonly family: IPFamily;
  readonly value: bigint;
}

/** One range of the flag, as the bitmap allocator of its family sees it. */
export interface ServiceIPRange {
  readonly family: IPFamily;
  /** The range as the server prints it (Go's `net.IPNet.String()`: the network address, not the address given). */
  readonly cidr: string;
  readonly network: bigint;
  readonly prefix: number;
  /** First address the allocator hands out (the network address + 1). */
  readonly base: bigint;
  /** How many addresses from `base` the allocator hands out. */
  readonly max: number;
}

/** The ranges of one `--service-cluster-ip-range` value. */
export interface ServiceIPRanges {
  /** The flag value as given. */
  readonly flag: string;
  /** `--service-cluster-ip-range[0]`: its family is the cluster's default. */
  readonly primary: ServiceIPRange;
  /** `--service-cluster-ip-range[1]`, of the other family: the cluster is dual-stack. */
  readonly secondary?: ServiceIPRange;
}

const FLAG = '--service-cluster-ip-range';
/** validateClusterIPFlags: maxCIDRBits with MultiCIDRServiceAllocator off (1.28). */
const MAX_CIDR_BITS = 20;
/** ServiceIPRange: the smallest primary range kube-apiserver starts with. */
const MIN_RANGE_SIZE = 8n;
/** bitmap.go New: an IPv6 range's bitmap holds at most this many addresses. */
const MAX_IPV6_BITMAP = 65536n;
const FIX = `give one CIDR, or an IPv4 and an IPv6 CIDR separated by a comma without spaces, as kube-apiserver's ${FLAG} takes them (e.g. 10.96.0.0/12 or 10.96.0.0/12,fd00::/108)`;

/**
 * The ranges of `flag`, or an error naming `option`, the value, every problem
 * kube-apiserver would refuse to start with, and the fix.
 */
export function parseServiceClusterIpRange(flag: string, option: string): ServiceIPRanges {
  const { ranges, problems } = readFlag(flag);
  if (problems.length > 0 || ranges.length === 0) {
    throw new Error(`${option} "${flag}" is not a valid ${FLAG}: ${problems.join('; ')}; ${FIX}`);
  }
  return { flag, primary: ranges[0], secondary: ranges[1] };
}

/** The range of `family`, if the cluster has one. */
export function rangeOfFamily(ranges: ServiceIPRanges, family: IPFamily): ServiceIPRange | undefined {
  return [ranges.primary, ranges.secondary].find((range) => range?.family === family);
}

/** k8s: bitmap.go Range.contains (an address the allocator can hand out). */
export function rangeContains(range: ServiceIPRange, ip: ParsedIP): boolean {
  if (ip.family !== range.family || !inNetwork(range, ip.value)) return false;
  const offset = ip.value - range.base;
  return offset >= 0n && offset < BigInt(range.max);
}

// k8s: completion.go getServiceIPAndRanges, options.go ServiceIPRange, validation.go validateClusterIPFlags
function readFlag(flag: string): { ranges: ServiceIPRange[]; problems: string[] } {
  const entries = flag === '' ? [] : flag.split(',');
  const problems: string[] = [];
  if (entries.length === 0) problems.push(`${FLAG} must contain at least one valid cidr`);
  if (entries.length > 2) problems.push(`${FLAG} must not contain more than two entries`);
  const ranges: ServiceIPRange[] = [];
  entries.slice(0, 2).forEach((entry, i) => {
    const range = parseCIDRSloppy(entry);
    if (range === undefined) {
      problems.push(i === 0 ? 'service-cluster-ip-range[0] is not a valid cidr' : 'service-cluster-ip-range[1] is not an ip net');
      return;
    }
    ranges.push(range);
    const hostBits = bitsOf(range.family) - range.prefix;
    if (hostBits > MAX_CIDR_BITS) {
      const name = i === 0 ? FLAG : `${FLAG}[1]`;
      problems.push(`specified ${name} is too large; for ${bitsOf(range.family)}-bit addresses, the mask must be >= ${bitsOf(range.family) - MAX_CIDR_BITS}`);
    }
    if (i === 0 && minBig(rangeSize(range), 1n << 16n) < MIN_RANGE_SIZE) {
      problems.push(`the service cluster IP range must be at least ${MIN_RANGE_SIZE} IP addresses`);
    }
  });
  if (ranges.length === 2 && ranges[0].family === ranges[1].family) {
    problems.push(`${FLAG}[0] and ${FLAG}[1] must be of different IP family`);
  }
  return { ranges, problems };
}

/** k8s.io/utils/net ParseCIDRSloppy, then bitmap.go New's base and max. */
function parseCIDRSloppy(text: string): ServiceIPRange | undefined {
  if (!isValidCIDR(text)) return undefined;
  const [address, prefixText] = text.split('/');
  const prefix = Number(prefixText);
  const family: IPFamily = parseIPSloppy(address) === 4 ? 'IPv4' : 'IPv6';
  const value = family === 'IPv4' ? ipv4Value(address) : ipv6Value(address);
  const hostBits = BigInt(bitsOf(family) - prefix);
  const network = (value >> hostBits) << hostBits;
  const size = 1n << hostBits;
  // bitmap.go New: the network address is never handed out, nor an IPv4 range's broadcast address.
  const usable = family === 'IPv4' ? size - 1n : minBig(size, MAX_IPV6_BITMAP);
  const max = usable - 1n < 0n ? 0n : usable - 1n;
  return { family, cidr: `${formatIP({ family, value: network })}/${prefix}`, network, prefix, base: network + 1n, max: Number(max) };
}

function rangeSize(range: ServiceIPRange): bigint {
  return 1n << BigInt(bitsOf(range.family) - range.prefix);
}

function inNetwork(range: ServiceIPRange, value: bigint): boolean {
  const hostBits = BigInt(bitsOf(range.family) - range.prefix);
  return (value >> hostBits) << hostBits === range.network;
}

function bitsOf(family: IPFamily): number {
  return family === 'IPv4' ? 32 : 128;
}

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** k8s.io/utils/net ParseIPSloppy as a number; undefined for what it refuses. */
export function parseIP(text: string): ParsedIP | undefined {
  const kind = parseIPSloppy(text);
  if (kind === undefined) return undefined;
  if (kind === 4) return { family: 'IPv4', value: ipv4Value(text) };
  const value = ipv6Value(text);
  // Go's To4 succeeds on ::ffff:a.b.c.d: netutils.IsIPv4 and IPNet.Contains treat it as IPv4.
  const v4Mapped = value >> 32n === 0xffffn;
  return v4Mapped ? { family: 'IPv4', value: value & 0xffffffffn } : { family: 'IPv6', value };
}

/** Go's net.IP.String(): dotted IPv4; IPv6 in RFC 5952 form (lowercase, the longest run of two or more zero groups as `::`). */
export function formatIP(ip: ParsedIP): string {
  if (ip.family === 'IPv4') {
    return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 0xffn)).join('.');
  }
  const groups = [...Array(8).keys()].map((i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  let [start, end] = [-1, -1];
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i >= 2 && j - i > end - start) [start, end] = [i, j];
  }
  const hex = (from: number, to: number) => groups.slice(from, to).map((g) => g.toString(16)).join(':');
  return start < 0 ? hex(0, 8) : `${hex(0, start)}::${hex(end, 8)}`;
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** An IPv6 address parseIPSloppy accepted (`::` once at most, an optional dotted IPv4 tail) as a number. */
function ipv6Value(text: string): bigint {
  let groups = text;
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Value(tail);
    groups = `${text.slice(0, text.lastIndexOf(':') + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, rest] = groups.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const restParts = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : Array(8 - headParts.length - restParts.length).fill('0');
  return [...headParts, ...zeros, ...restParts].reduce((acc, part) => (acc << 16n) | BigInt(parseInt(part, 16)), 0n);
}
