import Foundation
import ZorgbrugCore

extension RateLimitPolicy {
    /// Failed connect-code redemptions through a public client such as `bp`: 5 per 15 minutes per source address
    /// (as for every client) and 200 per hour for the client as a whole.
    ///
    /// A public client id is no secret, so with the confidential clients' 20 per hour one address could keep every
    /// `bp` user locked out (5 failures per 15 minutes is exactly 20 an hour). The client-wide ceiling stays, ten
    /// times higher, so guessing through `bp` remains bounded however many addresses an attacker has; locking
    /// `bp` out now takes at least ten addresses at once. The trade-off is in docs/SECURITY.md.
    package static let publicClientRedemption = RateLimitPolicy(rules: [
        RateLimitRule(scope: .sourceAddress, maxFailures: 5, window: 15 * TokenLifetimes.minute),
        RateLimitRule(scope: .client, maxFailures: 200, window: 60 * TokenLifetimes.minute),
    ])
}

extension IdentityService {
    /// The rate-limit subject for a remote address: an IPv4 address as it is, an IPv6 address by its /64 prefix
    /// (one subscriber usually holds a whole /64, so counting single addresses would not limit anyone), an
    /// IPv4-mapped IPv6 address as its IPv4 address; `-` when unknown.
    package static func rateLimitSubject(address: String?) -> String {
        guard let address, !address.isEmpty else { return "-" }
        var v6 = in6_addr()
        guard address.contains(":"), inet_pton(AF_INET6, address, &v6) == 1 else { return address }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}
