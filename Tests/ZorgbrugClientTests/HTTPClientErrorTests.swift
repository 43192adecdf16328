import Testing
import ZorgbrugClient

@Suite("HTTPClientError and HTTPClientHeaders")
struct HTTPClientErrorTests {
    @Test("codes compare by kind and have stable names")
    func codes() {
        #expect(HTTPClientError.Code.timedOut == .timedOut)
        #expect(HTTPClientError.Code.timedOut != .tls)
        #expect(HTTPClientError.Code.other(16) == .other(16))
        #expect(HTTPClientError.Code.other(16) != .other(17))
        #expect(HTTPClientError.Code.couldNotConnect.name == "could-not-connect")
        #expect(HTTPClientError.Code.other(16).name == "curl-16")
    }

    @Test("the description leads with our message and adds libcurl's text as detail")
    func description() {
        let error = HTTPClientError(code: .tls, message: "It failed. Try X.", url: "https://h/", curlCode: 60, detail: "raw")
        #expect(error.description == "tls: It failed. Try X. (libcurl: raw)")
    }

    @Test("headers: order kept, lookup case-insensitive, repeats kept")
    func headers() {
        let headers = HTTPClientHeaders([("ETag", "W/\"1\""), ("Set-Cookie", "a"), ("set-cookie", "b")])
        #expect(headers["etag"] == "W/\"1\"")
        #expect(headers.values(for: "SET-COOKIE") == ["a", "b"])
        #expect(headers.map(\.name) == ["ETag", "Set-Cookie", "set-cookie"])
        #expect(headers["Location"] == nil)
        #expect(!headers.contains("location"))
        #expect(headers.count == 3)
    }
}
