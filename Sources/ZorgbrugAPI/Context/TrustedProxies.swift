import Glibc

/// The reverse proxies (load balancers, TLS terminators) whose `X-Forwarded-For` header Zorgbrug believes.
///
/// Behind a proxy every connection comes from the proxy's address, so audit records would name the proxy and the
/// per-address limits (connect-code guesses, failed token requests) would lock out every client at once after a
/// few guesses by anyone. Requests whose peer is a trusted proxy are attributed instead to the address the
/// proxies recorded: `X-Forwarded-For` is read from right to left (each proxy appends the address it received
/// the request from), skipping trusted proxies, and the first address that is not one is the client. The header
/// of a peer that is not trusted is ignored, so a client cannot choose its own address. An entry that is not an
/// IP address ends the walk: the request is attributed to the trusted proxy that wrote it.
package struct TrustedProxies: Sendable, Equatable {
    /// One trusted network: an address and how many leading bits of it must match.
    package struct Network: Sendable, Equatable {
        /// 4 bytes (IPv4) or 16 (IPv6).
        let bytes: [UInt8]
        let prefixLength: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefixLength
            for index in bytes.indices where remaining > 0 {
                let bits = min(remaining, 8)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if address[index] & mask != bytes[index] & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    /// Why a list of proxies could not be read.
    package struct ParseError: Error, Equatable, CustomStringConvertible {
        package let entry: String
        package init(entry: String) { self.entry = entry }
        package var description: String {
            "'\(entry)' is not an IP address or network: give addresses or CIDR networks separated by commas, "
                + "e.g. 10.0.0.0/8,192.0.2.7,2001:db8::/32"
        }
    }

    package let networks: [Network]

    /// No proxy is trusted: `X-Forwarded-For` is never read (the default).
    package static let none = TrustedProxies(networks: [])

    /// At most this many `X-Forwarded-For` entries are examined, from the right.
    static let maximumHops = 32

    package init(networks: [Network]) {
        self.networks = networks
    }

    /// Reads a comma-separated list of addresses and CIDR networks (`10.0.0.0/8, 192.0.2.7, 2001:db8::/32`); an
    /// empty list trusts nothing.
    ///
    /// - Throws: ``ParseError`` naming the first entry that is neither.
    package init(parsing list: String) throws(ParseError) {
        var networks: [Network] = []
        for raw in list.split(separator: ",") {
            let entry = raw.trimmingWhitespace()
            if entry.isEmpty { continue }
            let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let bytes = Self.parseAddress(String(parts[0])) else { throw ParseError(entry: entry) }
            var prefixLength = bytes.count * 8
            if parts.count == 2 {
                guard let length = Int(parts[1]), (0...bytes.count * 8).contains(length) else { throw ParseError(entry: entry) }
                prefixLength = length
            }
            networks.append(Network(bytes: bytes, prefixLength: prefixLength))
        }
        self.networks = networks
    }

    package var isEmpty: Bool { networks.isEmpty }

    /// Whether `address` (textual IPv4 or IPv6) lies in a trusted network.
    package func contains(_ address: String) -> Bool {
        guard let bytes = Self.parseAddress(address) else { return false }
        return contains(bytes: bytes)
    }

    private func contains(bytes: [UInt8]) -> Bool {
        networks.contains { $0.contains(bytes) }
    }

    /// The address a request is attributed to: `peer` itself unless it is a trusted proxy, else the rightmost
    /// untrusted address of `forwardedFor` (the values of every `X-Forwarded-For` header, in order).
    package func clientAddress(peer: String, forwardedFor: [String]) -> String {
        guard !networks.isEmpty, contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.suffix(Self.maximumHops)
        var attributed = peer
        for hop in hops.reversed() {
            guard let bytes = Self.parseForwardedAddress(hop.trimmingWhitespace()) else { return attributed }
            let text = Self.format(bytes)
            if !contains(bytes: bytes) { return text }
            attributed = text
        }
        return attributed
    }

    /// An `X-Forwarded-For` entry: an address, optionally `[IPv6]`, `[IPv6]:port` or `IPv4:port`.
    static func parseForwardedAddress(_ entry: String) -> [UInt8]? {
        var text = Substring(entry)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber) && rest.count > 1) else { return nil }
            text = text[text.index(after: text.startIndex)..<close]
        } else if text.contains("."), let colon = text.firstIndex(of: ":"), text.filter({ $0 == ":" }).count == 1 {
            let port = text[text.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isNumber) else { return nil }
            text = text[..<colon]
        }
        return parseAddress(String(text))
    }

    /// IPv4 as 4 bytes, IPv6 as 16; an IPv4-mapped IPv6 address (`::ffff:192.0.2.7`) as its IPv4 bytes.
    static func parseAddress(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: v4) { Array($0) } }
        var v6 = in6_addr()
        guard text.contains(":"), inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }

    /// The canonical text of an address (so that one client always has one spelling in audit records and limits).
    static func format(_ bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let ok = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil }
        return ok ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "-"
    }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
