import { isIP } from 'node:net';

/**
 * Whether an IP address is on the public internet. Everything else — loopback, private,
 * link-local (cloud metadata at 169.254.169.254), CGNAT, unspecified, multicast, documentation
 * and benchmarking ranges, ULA, and IPv6 forms that embed one of those IPv4 addresses — is
 * refused, so a URL from a tool argument can never make the server reach into its own network.
 */
export function isPublicAddress(address: string): boolean {
  const ip = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const kind = isIP(ip);
  if (kind === 4) return isPublicV4(parseV4(ip));
  if (kind === 6) {
    const words = parseV6(ip);
    return words !== undefined && isPublicV6(words);
  }
  return false;
}

// [network, prefix length] pairs, IPv4 as 32-bit unsigned integers.
const V4_BLOCKED: [number, number][] = [
  [v4('0.0.0.0'), 8], // "this network", includes 0.0.0.0
  [v4('10.0.0.0'), 8],
  [v4('100.64.0.0'), 10], // carrier-grade NAT
  [v4('127.0.0.0'), 8],
  [v4('169.254.0.0'), 16], // link-local, cloud metadata
  [v4('172.16.0.0'), 12],
  [v4('192.0.0.0'), 24], // IETF protocol assignments
  [v4('192.0.2.0'), 24], // TEST-NET-1
  [v4('192.88.99.0'), 24], // 6to4 relay anycast
  [v4('192.168.0.0'), 16],
  [v4('198.18.0.0'), 15], // benchmarking
  [v4('198.51.100.0'), 24], // TEST-NET-2
  [v4('203.0.113.0'), 24], // TEST-NET-3
  [v4('224.0.0.0'), 4], // multicast
  [v4('240.0.0.0'), 4], // reserved, includes broadcast
];

function v4(s: string): number {
  return parseV4(s);
}

function parseV4(s: string): number {
  const p = s.split('.').map(Number);
  return (((p[0] ?? 0) << 24) >>> 0) + ((p[1] ?? 0) << 16) + ((p[2] ?? 0) << 8) + (p[3] ?? 0);
}

function inV4(ip: number, net: number, bits: number): boolean {
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return ((ip & mask) >>> 0) === ((net & mask) >>> 0);
}

function isPublicV4(ip: number): boolean {
  return !V4_BLOCKED.some(([net, bits]) => inV4(ip, net, bits));
}

/** Eight 16-bit words, or undefined when the text is not a plain IPv6 address (zone ids refused). */
function parseV6(s: string): number[] | undefined {
  if (s.includes('%')) return undefined;
  let text = s.toLowerCase();
  // A trailing dotted IPv4 part (::ffff:1.2.3.4) becomes two words.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = parseV4(dotted[2] as string);
    text = `${dotted[1]}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const words = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail].map((w) => parseInt(w, 16));
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : undefined;
}

function embeddedV4(hi: number, lo: number): number {
  return ((hi << 16) >>> 0) + lo;
}

function isPublicV6(w: number[]): boolean {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = w;
  const zeroUpTo = (n: number) => w.slice(0, n).every((x) => x === 0);
  // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  if (zeroUpTo(6)) return false;
  // IPv4-mapped ::ffff:a.b.c.d — judged as the IPv4 address it stands for.
  if (zeroUpTo(5) && f === 0xffff) return isPublicV4(embeddedV4(g, h));
  // IPv4-translated ::ffff:0:a.b.c.d
  if (zeroUpTo(4) && e === 0xffff && f === 0) return isPublicV4(embeddedV4(g, h));
  // NAT64 64:ff9b::/96 embeds an IPv4 address; 64:ff9b:1::/48 is local-use NAT64.
  if (a === 0x64 && b === 0xff9b) return c === 0 && d === 0 && e === 0 && f === 0 ? isPublicV4(embeddedV4(g, h)) : false;
  // 6to4 2002::/16 embeds an IPv4 address in words 2-3.
  if (a === 0x2002) return isPublicV4(embeddedV4(b, c));
  // Only global unicast 2000::/3 is public; this excludes ULA fc00::/7, link-local fe80::/10,
  // site-local fec0::/10, multicast ff00::/8 and the discard prefix 100::/64.
  if ((a & 0xe000) !== 0x2000) return false;
  if (a === 0x2001 && b === 0x0db8) return false; // documentation
  if (a === 0x2001 && b < 0x0200) return false; // IETF protocol assignments, incl. Teredo 2001::/32
  if (a === 0x3fff && b < 0x1000) return false; // documentation 3fff::/20
  return true;
}
