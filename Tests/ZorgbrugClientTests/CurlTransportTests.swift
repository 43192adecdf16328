import FHIR
import Testing
import ZorgbrugClient

@Suite("CurlTransport over a real loopback server")
struct CurlTransportTests {
    @Test("GET round trip: status, path, body and ordered, case-insensitive headers")
    func getRoundTrip() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let transport = CurlTransport()

        let response = try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/hello?a=1"))

        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers["CONTENT-TYPE"] == "application/json")
        #expect(response.headers.values(for: "X-Multi") == ["one", "two"])
        let echo = try Echo(response)
        #expect(echo.method == "GET")
        #expect(echo.path == "/hello?a=1")
        #expect(echo.body.isEmpty)
        #expect(echo.header("Expect").isEmpty)
    }

    @Test("POST sends headers and body intact and in order, with no Expect: 100-continue")
    func postRoundTrip() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let body = Array(String(repeating: "zorgbrug ", count: 140_000).utf8)  // over 1 MiB: libcurl would add Expect
        let request = HTTPClientRequest(
            method: "POST", url: receiver.baseURL + "/submit",
            headers: [("Content-Type", "text/plain"), ("X-First", "1"), ("X-Second", "twee"), ("X-Empty", "")],
            body: body)

        let response = try await CurlTransport().send(request)

        let echo = try Echo(response)
        #expect(echo.method == "POST")
        #expect(echo.body == body)
        #expect(echo.header("Content-Type") == ["text/plain"])
        #expect(echo.header("X-Empty") == [""])
        #expect(echo.header("Expect").isEmpty)
        let names = echo.headers.map { $0.0 }
        let first = try #require(names.firstIndex(of: "X-First"))
        let second = try #require(names.firstIndex(of: "X-Second"))
        #expect(first < second)
    }

    @Test("a binary body with every byte value arrives unchanged; no form content type is invented")
    func binaryBody() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let body = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }

        let response = try await CurlTransport().send(
            HTTPClientRequest(method: "PUT", url: receiver.baseURL + "/bin", body: body))

        let echo = try Echo(response)
        #expect(echo.method == "PUT")
        #expect(echo.body == body)
        #expect(echo.header("Content-Type").isEmpty)
    }

    @Test("methods with and without body", arguments: ["PATCH", "DELETE", "OPTIONS", "PUT", "POST"])
    func methods(method: String) async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }

        let response = try await CurlTransport().send(HTTPClientRequest(method: method, url: receiver.baseURL + "/m"))

        let echo = try Echo(response)
        #expect(echo.method == method)
        #expect(echo.body.isEmpty)
    }

    @Test("HEAD returns status and headers without a body")
    func head() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let response = try await CurlTransport().send(HTTPClientRequest(method: "HEAD", url: receiver.baseURL + "/h"))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.headers["Content-Length"] != nil)
    }

    @Test("an error status is a response, not an error")
    func errorStatus() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let response = try await CurlTransport().send(HTTPClientRequest(url: receiver.baseURL + "/x?answer_status=418"))
        #expect(response.status == 418)
        #expect(!response.isSuccess)
        #expect(try Echo(response).path == "/x?answer_status=418")
    }

    @Test("percent-encoded query parameters arrive as sent and decode to the originals")
    func queryEncoding() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let parameters = [("name", "Jan & Piet=1+1"), ("date", "ge2024-01-01T00:00:00+01:00"), ("q", "ü/?#~")]
        let url = receiver.baseURL + "/search?" + PercentEncoding.query(parameters)

        let echo = try Echo(try await CurlTransport().send(HTTPClientRequest(url: url)))

        #expect(echo.path == "/search?name=Jan%20%26%20Piet%3D1%2B1&date=ge2024-01-01T00%3A00%3A00%2B01%3A00&q=%C3%BC%2F%3F%23~")
    }

    @Test("a request slower than its timeout fails with timedOut")
    func timeout() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let request = HTTPClientRequest(url: receiver.baseURL + "/slow?sleep_ms=3000", timeoutMilliseconds: 200)

        let error = await #expect(throws: HTTPClientError.self) { try await CurlTransport().send(request) }

        #expect(error?.code == .timedOut)
        #expect(error?.message.contains("deadline") == true)
        #expect(error?.message.contains("sleep_ms") == false)  // no query (secrets) in messages
    }

    @Test("a closed port fails with couldNotConnect and a helpful message")
    func connectionRefused() throws {
        let request = HTTPClientRequest(url: "http://127.0.0.1:1/fhir/metadata")
        let error = #expect(throws: HTTPClientError.self) { try CurlTransport().perform(request) }
        #expect(error?.code == .couldNotConnect)
        #expect(error?.curlCode == 7)
        #expect(error?.message.contains("http://127.0.0.1:1") == true)
        #expect(error?.message.contains("Check") == true)
    }

    @Test("malformed URLs and non-HTTP schemes fail with invalidURL",
          arguments: ["not a url", "ftp://127.0.0.1/file", "file:///etc/passwd", "http://[::1"])
    func invalidURL(url: String) throws {
        let error = #expect(throws: HTTPClientError.self) { try CurlTransport().perform(HTTPClientRequest(url: url)) }
        #expect(error?.code == .invalidURL)
    }

    @Test("header injection, bad methods and a body on HEAD are refused before sending")
    func invalidRequests() throws {
        let transport = CurlTransport()
        let bad = [
            HTTPClientRequest(url: "http://127.0.0.1:1/", headers: [("X-A", "1\r\nX-Injected: yes")]),
            HTTPClientRequest(url: "http://127.0.0.1:1/", headers: [("Bad Name", "1")]),
            HTTPClientRequest(method: "GET /x HTTP/1.1\r\n", url: "http://127.0.0.1:1/"),
            HTTPClientRequest(method: "HEAD", url: "http://127.0.0.1:1/", body: [1]),
            HTTPClientRequest(url: "http://127.0.0.1:1/", timeoutMilliseconds: -1),
        ]
        for request in bad {
            let error = #expect(throws: HTTPClientError.self) { try transport.perform(request) }
            #expect(error?.code == .invalidRequest)
        }
    }

    @Test("redirects are returned by default, followed when allowed, and loops fail with tooManyRedirects")
    func redirects() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let transport = CurlTransport()

        let unfollowed = try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/redirect/2"))
        #expect(unfollowed.status == 302)
        #expect(unfollowed.headers["Location"] == "/redirect/1")

        let followed = try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/redirect/2", maxRedirects: 5))
        #expect(followed.status == 200)
        #expect(try Echo(followed).path == "/redirect/0")
        #expect(followed.headers["Location"] == nil)  // only the final response's headers

        let loop = HTTPClientRequest(url: receiver.baseURL + "/loop", maxRedirects: 3)
        let error = await #expect(throws: HTTPClientError.self) { try await transport.send(loop) }
        #expect(error?.code == .tooManyRedirects)
    }

    @Test("a body over maxResponseBytes fails with responseTooLarge; under it arrives whole")
    func responseLimit() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let transport = CurlTransport()

        let error = await #expect(throws: HTTPClientError.self) {
            try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/big", maxResponseBytes: 1000))
        }
        #expect(error?.code == .responseTooLarge)

        let whole = try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/big"))
        #expect(whole.body.count == 1 << 20)
    }

    @Test("sequential requests reuse the kept-alive connection")
    func keepAlive() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let transport = CurlTransport(maxIdleHandles: 1)

        let first = try Echo(try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/1")))
        let second = try Echo(try await transport.send(HTTPClientRequest(method: "POST", url: receiver.baseURL + "/2", body: [1, 2])))
        let third = try Echo(try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/3")))

        #expect(first.clientPort == second.clientPort)
        #expect(second.clientPort == third.clientPort)
    }

    @Test("options of one request do not leak into the next on the same handle")
    func noOptionLeak() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let transport = CurlTransport(maxIdleHandles: 1)

        _ = try await transport.send(
            HTTPClientRequest(
                method: "PATCH", url: receiver.baseURL + "/a", headers: [("Authorization", "Bearer secret")],
                body: [9, 9, 9]))
        let response = try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/b"))

        let echo = try Echo(response)
        #expect(echo.method == "GET")
        #expect(echo.header("Authorization").isEmpty)
        #expect(echo.body.isEmpty)
        // A short timeout set once does not stick either.
        _ = await #expect(throws: HTTPClientError.self) {
            try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/s?sleep_ms=1500", timeoutMilliseconds: 100))
        }
        let slowButAllowed = try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/s?sleep_ms=300"))
        #expect(slowButAllowed.status == 200)
    }

    @Test("many concurrent sends from many tasks all succeed with their own responses")
    func concurrentSends() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let transport = CurlTransport(maxIdleHandles: 4)
        let base = receiver.baseURL

        let paths = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<40 {
                group.addTask {
                    let body = Array("request \(index)".utf8)
                    let response = try await transport.send(
                        HTTPClientRequest(method: "POST", url: "\(base)/n/\(index)", body: body))
                    let echo = try Echo(response)
                    #expect(echo.body == body)
                    return (index, echo.path)
                }
            }
            var seen: [Int: String] = [:]
            for try await (index, path) in group { seen[index] = path }
            return seen
        }

        #expect(paths.count == 40)
        for (index, path) in paths { #expect(path == "/n/\(index)") }
    }
}

@Suite("CurlTransport cancellation")
struct CurlTransportCancellationTests {
    @Test("cancelling the sending task stops a slow transfer with cancelled")
    func cancel() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let transport = CurlTransport()
        let request = HTTPClientRequest(url: receiver.baseURL + "/slow?sleep_ms=20000", timeoutMilliseconds: 60_000)

        let task = Task { () throws(HTTPClientError) -> HTTPClientResponse in try await transport.send(request) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()

        let error = await #expect(throws: HTTPClientError.self) { try await task.value }
        #expect(error?.code == .cancelled)
    }
}

@Suite("CurlTransport concurrency")
struct CurlTransportConcurrencyTests {
    @Test("blocked transfers run at once, more of them than there are cores (none waits for another)")
    func transfersOverlap() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let transport = CurlTransport(maxIdleHandles: 2)
        let parties = 12
        let url = "\(receiver.baseURL)/together?barrier=overlap&parties=\(parties)"

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<parties {
                group.addTask { try await transport.send(HTTPClientRequest(url: url)).status }
            }
            var statuses: [Int] = []
            for try await status in group { statuses.append(status) }
            return statuses
        }

        #expect(statuses == Array(repeating: 200, count: parties))
    }
}
