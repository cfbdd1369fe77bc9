/**
 * Which addresses a fetch of a user-given URL may connect to: public unicast only. Everything else (loopback,
 * private, carrier-grade NAT, link-local and the cloud metadata addresses in it, unique-local, multicast,
 * unspecified, documentation and reserved ranges, and IPv6 forms that carry an IPv4 address) is refused.
 */
import ipaddr from "ipaddr.js";

/** Cloud metadata services, named so that the refusal says why; every one of them is also outside public unicast. */
const metadataAddresses = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254"]);

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/** Whether an IP address (v4 or v6, in the canonical form the URL parser or DNS gives) is a public unicast address. */
export function checkAddress(address: string): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: "not an IP address" };
  const parsed = ipaddr.parse(address);
  const normal = parsed.toNormalizedString();
  if (metadataAddresses.has(address) || metadataAddresses.has(parsed.toString())) {
    return { allowed: false, reason: "a cloud metadata address" };
  }
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      const inner = checkAddress(v6.toIPv4Address().toString());
      return inner.allowed ? { allowed: false, reason: "an IPv4-mapped IPv6 address" } : inner;
    }
    // ::a.b.c.d (IPv4-compatible, deprecated) and ::/96 in general: no public host lives there.
    if (v6.parts.slice(0, 6).every((part) => part === 0)) {
      return { allowed: false, reason: "an IPv4-compatible IPv6 address" };
    }
    // Only global unicast (2000::/3) is routable on the public internet.
    if (!v6.match(ipaddr.IPv6.parse("2000::"), 3))
      return { allowed: false, reason: `a non-global address (${normal})` };
  }
  const range = parsed.range();
  if (range !== "unicast") return { allowed: false, reason: `a ${range} address` };
  return { allowed: true };
}
