import Testing
import ZorgbrugClient

@Suite("PercentEncoding (RFC 3986 unreserved set)")
struct PercentEncodingTests {
    @Test("unreserved characters pass unchanged")
    func unreserved() {
        let unreserved = "ABCXYZabcxyz0189-._~"
        #expect(PercentEncoding.encode(unreserved) == unreserved)
    }

    @Test("reserved and other characters are encoded as upper-case UTF-8 hex",
          arguments: [
            (" ", "%20"), ("&", "%26"), ("=", "%3D"), ("+", "%2B"), ("/", "%2F"), ("?", "%3F"), ("#", "%23"),
            (",", "%2C"), ("|", "%7C"), (":", "%3A"), ("%", "%25"), ("é", "%C3%A9"), ("💊", "%F0%9F%92%8A"),
          ])
    func encoded(input: String, expected: String) {
        #expect(PercentEncoding.encode(input) == expected)
    }

    @Test("a query keeps order and repeated names")
    func query() {
        let query = PercentEncoding.query([("status", "ready,in-progress"), ("_count", "10"), ("status", "x y")])
        #expect(query == "status=ready%2Cin-progress&_count=10&status=x%20y")
        #expect(PercentEncoding.query([]) == "")
    }
}
