import { formatIP, parseIP, parseServiceClusterIpRange, rangeContains, ServiceIPRange } from '../../../src/rules/validation/service-cluster-ip-range';

function range(cidr: string): ServiceIPRange {
  return parseServiceClusterIpRange(cidr, 'test').primary;
}

function contains(cidr: string, ip: string): boolean {
  return rangeContains(range(cidr), parseIP(ip)!);
}

describe('the ranges of --service-cluster-ip-range', () => {
  // pkg/registry/core/service/ipallocator/bitmap_test.go TestAllocate: free count and outOfRange of each case
  // (the IPv6 one as /108, the largest range the 1.28 flag takes: the bitmap caps both at 65536 addresses).
  test.each([
    ['192.168.1.0/24', 254, ['192.168.0.1', '192.168.1.0', '192.168.1.255', '192.168.2.2'], ['192.168.1.1', '192.168.1.254']],
    ['10.0.0.0/15', 131070, ['10.0.0.0', '10.15.255.255', '10.255.255.2'], ['10.0.0.1', '10.1.255.254']],
    ['2001:db8:1::/108', 65535, ['2001:db8::1', '2001:db8:1::', '2001:db8:1::1:0', '2001:db8:2::2'], ['2001:db8:1::1', '2001:db8:1::ffff']],
  ])('bitmap_test.go TestAllocate %s', (cidr, free, outOfRange, inRange) => {
    expect(range(cidr).max).toBe(free);
    expect(range(cidr).cidr).toBe(cidr);
    expect(outOfRange.filter((ip) => contains(cidr, ip))).toEqual([]);
    expect(inRange.filter((ip) => !contains(cidr, ip))).toEqual([]);
  });

  test('the server prints a range by its network address; an IPv4-mapped IPv6 address is IPv4 (Go To4)', () => {
    expect(range('10.96.0.1/12').cidr).toBe('10.96.0.0/12');
    expect(range('FD00:0:0:0:0:0:10:0/108').cidr).toBe('fd00::10:0/108');
    expect(parseIP('::ffff:10.96.0.5')).toEqual(parseIP('10.96.0.5'));
    expect(contains('10.96.0.0/12', '::ffff:10.96.0.5')).toBe(true);
  });

  test('formatIP is Go\'s net.IP.String: the longest run of two or more zero groups becomes ::, the first on a tie', () => {
    const cases: Array<[string, string]> = [['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], ['0:0:0:0:0:0:0:0', '::'], ['fe80::1', 'fe80::1'], ['010.001.0.1', '10.1.0.1']];
    expect(cases.map(([ip]) => formatIP(parseIP(ip)!))).toEqual(cases.map(([, printed]) => printed));
  });

  test('two ranges of different families make a dual-stack cluster, the first being primary', () => {
    const ranges = parseServiceClusterIpRange('fd00::/108,10.96.0.0/12', 'test');
    expect([ranges.primary.family, ranges.secondary?.family]).toEqual(['IPv6', 'IPv4']);
  });

  // cmd/kube-apiserver/app/options/validation.go validateClusterIPFlags, completion.go getServiceIPAndRanges, options.go ServiceIPRange
  test.each([
    ['', '--service-cluster-ip-range must contain at least one valid cidr'],
    ['10.96.0.0/12,fd00::/108,10.0.0.0/8', '--service-cluster-ip-range must not contain more than two entries'],
    ['10.96.0.0', 'service-cluster-ip-range[0] is not a valid cidr'],
    ['10.96.0.0/12, fd00::/108', 'service-cluster-ip-range[1] is not an ip net'],
    ['10.96.0.0/12,10.97.0.0/16', '--service-cluster-ip-range[0] and --service-cluster-ip-range[1] must be of different IP family'],
    ['10.0.0.0/8', 'specified --service-cluster-ip-range is too large; for 32-bit addresses, the mask must be >= 12'],
    ['10.96.0.0/12,fd00::/64', 'specified --service-cluster-ip-range[1] is too large; for 128-bit addresses, the mask must be >= 108'],
    ['10.96.0.0/30', 'the service cluster IP range must be at least 8 IP addresses'],
  ])('%j: %s', (flag, problem) => {
    expect(() => parseServiceClusterIpRange(flag, 'the option')).toThrow(`the option "${flag}" is not a valid --service-cluster-ip-range: ${problem}`);
  });

  test('the smallest accepted ranges: /29 primary; a secondary is not size-checked (only the primary is, by ServiceIPRange)', () => {
    expect(range('10.96.0.0/29').max).toBe(6);
    expect(parseServiceClusterIpRange('10.96.0.0/29,fd00::/128', 'test').secondary?.max).toBe(0);
  });
});
