import Credentials
import Foundation
import Testing
import ZorgbrugAPI
import ZorgbrugCore

@Suite("Trusted proxies: which X-Forwarded-For to believe")
struct TrustedProxiesTests {
    private static let proxies = try! TrustedProxies(parsing: "10.0.0.0/8, 192.0.2.7,2001:db8::/32")

    @Test("addresses and CIDR networks, IPv4 and IPv6; IPv4-mapped IPv6 matches IPv4 networks")
    func membership() {
        let proxies = Self.proxies
        #expect(proxies.networks.count == 3)
        #expect(proxies.contains("10.1.2.3"))
        #expect(proxies.contains("10.255.255.255"))
        #expect(!proxies.contains("11.0.0.1"))
        #expect(proxies.contains("192.0.2.7"))
        #expect(!proxies.contains("192.0.2.8"))
        #expect(proxies.contains("2001:db8::1"))
        #expect(proxies.contains("2001:DB8:ffff::1"))
        #expect(!proxies.contains("2001:db9::1"))
        #expect(proxies.contains("::ffff:10.0.0.1"))
        #expect(!proxies.contains("not an address"))
        #expect(!proxies.contains(""))
    }

    @Test("an odd prefix length masks inside a byte")
    func oddPrefix() throws {
        let proxies = try TrustedProxies(parsing: "172.16.0.0/12")
        #expect(proxies.contains("172.16.0.1"))
        #expect(proxies.contains("172.31.255.254"))
        #expect(!proxies.contains("172.32.0.1"))
        #expect(!proxies.contains("172.15.255.255"))
    }

    @Test("an empty list trusts nothing; so does the default")
    func empty() throws {
        #expect(try TrustedProxies(parsing: "").isEmpty)
        #expect(try TrustedProxies(parsing: " , ").isEmpty)
        #expect(TrustedProxies.none.isEmpty)
        #expect(TrustedProxies.none.clientAddress(peer: "127.0.0.1", forwardedFor: ["203.0.113.9"]) == "127.0.0.1")
    }

    @Test("entries that are neither an address nor a network are refused, naming the entry",
          arguments: ["10.0.0.0/33", "300.1.1.1", "example.org", "10.0.0.0/8/1", "/8", "10.0.0.0/-1", "10.0.0.0/", "::/129"])
    func invalid(entry: String) {
        #expect(throws: TrustedProxies.ParseError(entry: entry)) { try TrustedProxies(parsing: "127.0.0.1, \(entry)") }
        let message = String(describing: TrustedProxies.ParseError(entry: entry))
        #expect(message.contains("'\(entry)'") && message.contains("CIDR"))
    }

    @Test("a peer that is not trusted is the client, whatever its X-Forwarded-For says")
    func untrustedPeer() {
        #expect(Self.proxies.clientAddress(peer: "198.51.100.4", forwardedFor: ["203.0.113.9"]) == "198.51.100.4")
    }

    @Test("from a trusted peer: the rightmost address that is not a trusted proxy")
    func walk() {
        let proxies = Self.proxies
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: []) == "10.0.0.1")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["203.0.113.9"]) == "203.0.113.9")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["203.0.113.9, 10.0.0.2"]) == "203.0.113.9")
        // The leftmost entries are whatever the client sent: never believed past an untrusted hop.
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["198.51.100.1, 203.0.113.9"]) == "203.0.113.9")
        // Several headers count as one list, in order.
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["198.51.100.1", "203.0.113.9"]) == "203.0.113.9")
        // Only trusted hops: the farthest one.
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["10.0.0.5, 192.0.2.7"]) == "10.0.0.5")
    }

    @Test("an entry that is not an address ends the walk at the trusted proxy that wrote it")
    func malformed() {
        let proxies = Self.proxies
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["garbage"]) == "10.0.0.1")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["203.0.113.9, garbage"]) == "10.0.0.1")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["garbage, 10.0.0.9"]) == "10.0.0.9")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: [""]) == "10.0.0.1")
        // An empty entry is malformed too: the walk stops at the trusted hop to its right.
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["203.0.113.9,,10.0.0.2"]) == "10.0.0.2")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["203.0.113.9:"]) == "10.0.0.1")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["[2001:db8::7"]) == "10.0.0.1")
    }

    @Test("ports and brackets are dropped and the address written one way, so one client has one spelling")
    func canonical() {
        let proxies = Self.proxies
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["203.0.113.9:4711"]) == "203.0.113.9")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["[2001:db9::7]:443"]) == "2001:db9::7")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["[2001:db9::7]"]) == "2001:db9::7")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["2001:DB9:0:0::7"]) == "2001:db9::7")
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: ["::ffff:203.0.113.9"]) == "203.0.113.9")
        #expect(proxies.clientAddress(peer: "::ffff:10.0.0.1", forwardedFor: [" 203.0.113.9 "]) == "203.0.113.9")
    }

    @Test("at most 32 entries are examined, from the right")
    func boundedWalk() {
        let hops = ["203.0.113.9"] + (1...40).map { "10.0.0.\($0)" }
        // The untrusted address is 41 hops back: beyond the bound, so the farthest examined trusted hop is used.
        #expect(Self.proxies.clientAddress(peer: "10.0.0.1", forwardedFor: [hops.joined(separator: ",")]) == "10.0.0.9")
    }
}

@Suite("Trusted proxies end to end: audit records and per-address limits name the client")
struct TrustedProxiesEndToEndTests {
    private static func guess(port: Int, from source: String, forwardedFor: String?, authorization: String) async throws -> RawHTTP.Response {
        let form = "grant_type=urn%3Azorgbrug%3Agrant-type%3Aconnect-code&code=ZZZZ-ZZZZ"
        var head = "POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        head += "Authorization: \(authorization)\r\n"
        if let forwardedFor { head += "X-Forwarded-For: \(forwardedFor)\r\n" }
        head += "Content-Length: \(form.utf8.count)\r\nConnection: close\r\n\r\n"
        return try await RawHTTP.exchange(head + form, port: port, from: source)
    }

    @Test("behind a trusted proxy, each forwarded client has its own connect-code budget and is audited by its address")
    func limitsPerForwardedClient() async throws {
        var api = APIConfiguration()
        api.trustedProxies = try TrustedProxies(parsing: "127.0.0.1")
        try await withServer(api: api) { server in
            let world = try await World.make(server)
            let port = server.server.port
            let pgo = World.basic(world.pgoClientID, world.pgoSecret).1
            for _ in 0..<5 {
                let response = try await Self.guess(port: port, from: "127.0.0.1", forwardedFor: "203.0.113.1", authorization: pgo)
                #expect(response.status == 400, "\(response.raw)")
            }
            let sixth = try await Self.guess(port: port, from: "127.0.0.1", forwardedFor: "203.0.113.1", authorization: pgo)
            #expect(sixth.status == 429, "\(sixth.raw)")
            // Another client behind the same proxy is not locked out by the first one's guesses.
            let other = try await Self.guess(port: port, from: "127.0.0.1", forwardedFor: "198.51.100.1, 203.0.113.2", authorization: pgo)
            #expect(other.status == 400, "\(other.raw)")
            // A client that is not a trusted proxy cannot pick its address: 127.0.0.2 is recorded as itself.
            let spoofed = try await Self.guess(port: port, from: "127.0.0.2", forwardedFor: "203.0.113.3", authorization: pgo)
            #expect(spoofed.status == 400, "\(spoofed.raw)")

            let failures = try await allRecords(server).map(\.record).filter { (record: AuditRecord) -> Bool in
                record.interaction == .token && record.agent.clientID == "pgo" && record.outcome == .minorFailure
            }
            let addresses = failures.compactMap(\.remoteAddress)
            #expect(addresses.filter { $0 == "203.0.113.1" }.count == 6)
            #expect(addresses.contains("203.0.113.2"))
            #expect(addresses.contains("127.0.0.2"))
            #expect(!addresses.contains("203.0.113.3"))
            #expect(!addresses.contains("127.0.0.1"))
        }
    }

    @Test("without trusted proxies X-Forwarded-For is ignored")
    func ignoredByDefault() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let pgo = World.basic(world.pgoClientID, world.pgoSecret).1
            let response = try await Self.guess(port: server.server.port, from: "127.0.0.4", forwardedFor: "203.0.113.7", authorization: pgo)
            #expect(response.status == 400, "\(response.raw)")
            let addresses = try await allRecords(server).map(\.record).filter { $0.interaction == .token }.compactMap(\.remoteAddress)
            #expect(addresses.contains("127.0.0.4"))
            #expect(!addresses.contains("203.0.113.7"))
        }
    }
}

@Suite("/metrics: operators only")
struct MetricsAccessTests {
    private static func metrics(port: Int, from source: String, headers: [String] = []) async throws -> RawHTTP.Response {
        let head = (["GET /metrics HTTP/1.1", "Host: 127.0.0.1", "Connection: close"] + headers).joined(separator: "\r\n")
        return try await RawHTTP.exchange(head + "\r\n\r\n", port: port, from: source)
    }

    @Test("open from loopback, refused from elsewhere with an OperationOutcome, open to the operator token")
    func loopbackOrToken() async throws {
        var api = APIConfiguration()
        api.metricsTokenHash = SecretHasher.sha256Hex(Array("operator-secret".utf8))
        try await withServer(api: api) { server in
            let port = server.server.port
            let local = try await Self.metrics(port: port, from: "127.0.0.1")
            #expect(local.status == 200, "\(local.raw)")
            #expect(local.header("Content-Type")?.hasPrefix("text/plain") == true)
            #expect(local.body.contains("zorgbrug_http_requests_total"))

            let remote = try await Self.metrics(port: port, from: "127.0.0.2")
            #expect(remote.status == 403, "\(remote.raw)")
            #expect(remote.body.contains("\"resourceType\":\"OperationOutcome\"") && remote.body.contains("operator-only"))

            let wrong = try await Self.metrics(port: port, from: "127.0.0.2", headers: ["Authorization: Bearer guess"])
            #expect(wrong.status == 403)
            let withToken = try await Self.metrics(port: port, from: "127.0.0.2", headers: ["Authorization: Bearer operator-secret"])
            #expect(withToken.status == 200, "\(withToken.raw)")
        }
    }

    @Test("through a trusted proxy on this host, a forwarded client is not loopback")
    func throughAProxy() async throws {
        var api = APIConfiguration()
        api.trustedProxies = try TrustedProxies(parsing: "127.0.0.1")
        try await withServer(api: api) { server in
            let port = server.server.port
            let forwarded = try await Self.metrics(port: port, from: "127.0.0.1", headers: ["X-Forwarded-For: 203.0.113.9"])
            #expect(forwarded.status == 403, "\(forwarded.raw)")
            // The proxy host itself (no forwarded client) is still loopback.
            let direct = try await Self.metrics(port: port, from: "127.0.0.1")
            #expect(direct.status == 200, "\(direct.raw)")
        }
    }
}
