// The address a request comes from, for per-client limits. The socket address (stamped by the
// server itself, lib/http/peer) is the only thing a client cannot choose; X-Forwarded-For is
// believed only when that socket belongs to a configured reverse proxy (TRUSTED_PROXIES), and then
// only as far as the hops it lists are trusted proxies too (the rightmost untrusted hop is the
// client: anything left of it was written by the client).
import net from 'node:net';
import { peerAddress } from './peer';

/** Drops the IPv4-mapped prefix (::ffff:1.2.3.4 -> 1.2.3.4); null for anything that is not an IP. */
export function normalizeAddress(addr: string | null | undefined): string | null {
  if (!addr) return null;
  let a = addr.trim();
  if (a.startsWith('[') && a.includes(']')) a = a.slice(1, a.indexOf(']')); // [v6]:port
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':')); // v4:port
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  return net.isIP(a) ? a.toLowerCase() : null;
}

/** A BlockList of the given addresses / CIDR ranges (as validated by lib/env TRUSTED_PROXIES). */
export function proxyList(entries: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const e of entries) {
    const [addr, bits] = e.split('/');
    const type = net.isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return list;
}

function isTrusted(list: net.BlockList, addr: string): boolean {
  return list.check(addr, net.isIP(addr) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the stamped socket address, or, when that socket is a trusted proxy, the
 * rightmost X-Forwarded-For hop that is not a trusted proxy. Null when the request was not stamped
 * (not served by the store's own server, e.g. a route handler called directly).
 */
export function clientAddress(headers: Headers, trustedProxies: net.BlockList | readonly string[] = []): string | null {
  const peer = normalizeAddress(peerAddress(headers));
  if (!peer) return null;
  const list = trustedProxies instanceof net.BlockList ? trustedProxies : proxyList(trustedProxies);
  if (!isTrusted(list, peer)) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => normalizeAddress(h))
    .filter((h): h is string => h !== null);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    client = hops[i];
    if (!isTrusted(list, client)) break;
  }
  return client;
}

/**
 * The unit a limit counts per address: an IPv4 address, or the /64 network of an IPv6 address
 * (one customer line gets a whole /64, so single v6 addresses cost an attacker nothing).
 */
export function addressBucket(addr: string): string {
  if (net.isIP(addr) !== 6) return addr;
  const [head, tail = ''] = addr.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = addr.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':')}::/64`;
}
