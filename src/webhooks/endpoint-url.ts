// Which URLs a webhook endpoint may POST to: the guard against server-side request forgery.
// Pure: it judges the URL as the WHATWG parser (the one fetch uses) normalises it, so
// `0x7f.1`, `2130706433` and `[::ffff:127.0.0.1]` are all seen as the 127.0.0.1 they are.
// It never resolves names: a public name pointing inward is left to the platform (Workers'
// fetch does not reach private networks) and to deliver.ts not following redirects.
import { parseIpv4, parseIpv6 } from "../domain/ip";

export type EndpointUrlProblem = "invalid_format" | "insecure_url" | "url_credentials" | "test_mode_only" | "private_address" | "internal_host";

/** A partner's own machine during development: allowed (http too) for test keys only. */
const DEV_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Names that only mean something inside a network (RFC 6761, 6762, 8375; `.internal` by ICANN). */
const INTERNAL_SUFFIXES = [".internal", ".local", ".localhost", ".home.arpa"];

/** IPv4 blocks that are not the public internet: this-network, private, CGNAT, loopback, link-local, IETF, benchmarking, multicast, reserved. */
const BLOCKED_V4: readonly (readonly [string, number])[] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

export function endpointUrlProblem(raw: string, livemode: boolean): EndpointUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid_format";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "insecure_url";
  // Credentials in a URL would be sent to whoever answers, and are easy to leak in logs.
  if (url.username !== "" || url.password !== "") return "url_credentials";
  const host = url.hostname.replace(/\.$/, "");
  if (DEV_HOSTS.has(host)) return livemode ? "test_mode_only" : null;
  const hostProblem = hostnameProblem(host);
  if (hostProblem) return hostProblem;
  return url.protocol === "https:" ? null : "insecure_url";
}

/** `host` as URL.hostname gives it, without a trailing dot. */
export function hostnameProblem(host: string): "private_address" | "internal_host" | null {
  if (host.startsWith("[")) return blockedV6(host.slice(1, -1)) ? "private_address" : null;
  // The parser has already turned every IPv4 form into a dotted quad, so only that form is read.
  const v4 = parseIpv4(host);
  if (v4 !== null) return blockedV4(v4) ? "private_address" : null;
  if (!host.includes(".")) return "internal_host";
  return INTERNAL_SUFFIXES.some((s) => host.endsWith(s)) ? "internal_host" : null;
}

// Each block as the number its addresses share once divided by the block's size, computed once.
const BLOCKED_V4_RANGES = BLOCKED_V4.map(([base, bits]) => {
  const size = 2 ** (32 - bits);
  return { size, prefix: Math.floor((parseIpv4(base) ?? 0) / size) };
});

function blockedV4(ip: number): boolean {
  return BLOCKED_V4_RANGES.some(({ size, prefix }) => Math.floor(ip / size) === prefix);
}

function blockedV6(text: string): boolean {
  const g = parseIpv6(text);
  if (!g) return true; // not an address we can judge: refuse rather than guess
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = g6 * 65536 + g7;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff) return blockedV4(embedded); // IPv4-mapped ::ffff:a.b.c.d
    if (g5 === 0) return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return blockedV4(embedded); // NAT64 64:ff9b::/96
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return true; // local-use NAT64 64:ff9b:1::/48
  if (g0 === 0x2002) return blockedV4(g1 * 65536 + g2); // 6to4 2002:AABB:CCDD::/48
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique-local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return true; // link-local fe80::/10, old site-local fec0::/10
  return (g0 & 0xff00) === 0xff00; // multicast ff00::/8
}
