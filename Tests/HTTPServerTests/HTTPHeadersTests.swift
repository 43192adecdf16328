import HTTPServer
import Testing

@Suite("HTTPHeaders")
struct HTTPHeadersTests {
    @Test("Lookups are case-insensitive and keep order and repeats")
    func lookups() {
        let headers = HTTPHeaders([("Accept", "a"), ("X-Id", "1"), ("accept", "b")])
        #expect(headers["ACCEPT"] == "a")
        #expect(headers.values(for: "accept") == ["a", "b"])
        #expect(headers["missing"] == nil)
        #expect(headers.values(for: "missing").isEmpty)
        #expect(headers.map(\.name) == ["Accept", "X-Id", "accept"])
    }

    @Test("set replaces every field of the name in place of the first; add appends; remove drops all")
    func mutations() {
        var headers = HTTPHeaders([("A", "1"), ("B", "2"), ("a", "3"), ("C", "4")])
        headers.set(name: "a", value: "9")
        #expect(headers.map { "\($0.name)=\($0.value)" } == ["a=9", "B=2", "C=4"])
        headers.add(name: "B", value: "5")
        #expect(headers.values(for: "b") == ["2", "5"])
        headers.remove(name: "b")
        #expect(headers.map(\.name) == ["a", "C"])
        headers.set(name: "New", value: "n")
        #expect(headers.map(\.name) == ["a", "C", "New"])
        #expect(headers.count == 3)
    }

    @Test("Method constants use the upper-case tokens")
    func methods() {
        #expect([HTTPMethod.get, .head, .post, .put, .patch, .delete, .options].map(\.rawValue)
            == ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    }
}
