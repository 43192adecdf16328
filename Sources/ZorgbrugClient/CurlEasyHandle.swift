import CCurl

/// One libcurl easy handle: performs one request at a time and keeps its connections alive between requests.
///
/// Not thread-safe: ``CurlHandlePool`` hands a handle to one caller at a time. Every request starts with
/// `curl_easy_reset`, because options otherwise stick to the handle (a client certificate or header set for one
/// request would be sent with the next); the reset keeps the connection cache, so keep-alive still works.
final class CurlEasyHandle {
    private let handle: UnsafeMutableRawPointer

    /// A new handle; `nil` when libcurl could not be initialised or is out of memory.
    init?() {
        guard CurlGlobal.isInitialized, let handle = curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Performs `request`, blocking the calling thread until the response is complete or the transfer fails.
    /// - Parameter cancellation: when given and cancelled, the transfer stops within about a second.
    func perform(
        _ request: HTTPClientRequest, cancellation: CurlCancellation? = nil
    ) throws(HTTPClientError) -> HTTPClientResponse {
        try Self.validate(request)
        let context = CurlTransferContext(
            requestBody: request.body, maxResponseBytes: request.maxResponseBytes, cancellation: cancellation)
        // Retained for the whole transfer: libcurl calls back with this pointer.
        let contextPointer = Unmanaged.passRetained(context).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        curl_easy_reset(handle)
        defer {
            // Reset again so the handle keeps no pointer to memory freed below.
            curl_easy_reset(handle)
            curl_slist_free_all(headerList)
            Unmanaged<CurlTransferContext>.fromOpaque(contextPointer).release()
        }

        var setup = OptionSetter(handle: handle, url: request.url)
        setup.set(CURLOPT_NOSIGNAL, 1)
        setup.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(context.errorBuffer))
        setup.set(CURLOPT_URL, request.url)
        setup.set(CURLOPT_PROTOCOLS_STR, "http,https")
        setup.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        setup.set(CURLOPT_TIMEOUT_MS, request.timeoutMilliseconds)
        setup.set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeoutMilliseconds)
        setup.set(CURLOPT_TCP_KEEPALIVE, 1)
        if request.maxRedirects > 0 {
            setup.set(CURLOPT_FOLLOWLOCATION, 1)
            setup.set(CURLOPT_MAXREDIRS, request.maxRedirects)
        }
        setup.check(
            zb_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, userData in
                guard let userData else { return 0 }
                let context = Unmanaged<CurlTransferContext>.fromOpaque(userData).takeUnretainedValue()
                let total = size * count
                let accepted = context.receiveBody(UnsafeRawBufferPointer(start: data, count: total))
                return accepted ? total : 0
            },
            "CURLOPT_WRITEFUNCTION"
        )
        setup.set(CURLOPT_WRITEDATA, pointer: contextPointer)
        setup.check(
            zb_curl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, userData in
                guard let userData else { return 0 }
                let context = Unmanaged<CurlTransferContext>.fromOpaque(userData).takeUnretainedValue()
                let total = size * count
                context.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: total))
                return total
            },
            "CURLOPT_HEADERFUNCTION"
        )
        setup.set(CURLOPT_HEADERDATA, pointer: contextPointer)
        if cancellation != nil {
            setup.set(CURLOPT_NOPROGRESS, 0)
            setup.check(
                zb_curl_setopt_xferinfo_function(handle) { userData, _, _, _, _ in
                    guard let userData else { return 0 }
                    let context = Unmanaged<CurlTransferContext>.fromOpaque(userData).takeUnretainedValue()
                    return context.cancellation?.isCancelled == true ? 1 : 0
                },
                "CURLOPT_XFERINFOFUNCTION"
            )
            setup.set(CURLOPT_XFERINFODATA, pointer: contextPointer)
        }

        let sendsBody = Self.configureMethod(request, context: context, setup: &setup)
        headerList = Self.headerList(for: request, suppressDefaultContentType: sendsBody)
        guard headerList != nil else {
            throw HTTPClientError(
                code: .other(Int(CURLE_OUT_OF_MEMORY.rawValue)),
                message: "Could not build the request headers for \(HTTPClientError.origin(of: request.url)): out of memory.",
                url: request.url
            )
        }
        setup.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headerList))
        Self.configureTLS(request.tls, setup: &setup)
        if let failure = setup.failure { throw failure }

        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            if code == CURLE_ABORTED_BY_CALLBACK, cancellation?.isCancelled == true {
                throw HTTPClientError(
                    code: .cancelled,
                    message: "The request to \(HTTPClientError.origin(of: request.url)) was stopped because its task was cancelled. The server may or may not have acted on it.",
                    url: request.url
                )
            }
            if context.exceededLimit {
                throw HTTPClientError(
                    code: .responseTooLarge,
                    message: "The response from \(HTTPClientError.origin(of: request.url)) is larger than the \(request.maxResponseBytes) bytes allowed. Ask for less (e.g. a smaller page) or raise the limit.",
                    url: request.url
                )
            }
            throw HTTPClientError(curl: code, url: request.url, detail: context.errorDetail)
        }
        var status = 0
        _ = zb_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPClientResponse(status: status, headers: context.responseHeaders, body: context.responseBody)
    }

    /// Sets the method options; returns `true` when a body (possibly empty) is sent with `CURLOPT_POSTFIELDS`.
    private static func configureMethod(
        _ request: HTTPClientRequest, context: CurlTransferContext, setup: inout OptionSetter
    ) -> Bool {
        let method = request.method
        if method == "HEAD" {
            setup.set(CURLOPT_NOBODY, 1)
            return false
        }
        let bodyMethods: Set<String> = ["POST", "PUT", "PATCH"]
        if request.body.isEmpty, !bodyMethods.contains(method) {
            if method == "GET" {
                setup.set(CURLOPT_HTTPGET, 1)
            } else {
                setup.set(CURLOPT_CUSTOMREQUEST, method)
            }
            return false
        }
        // POSTFIELDS never reads from stdin (a null pointer would), is binary safe with an explicit size, and
        // points at the context's copy, alive for the whole transfer. CUSTOMREQUEST renames the method.
        setup.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(context.requestBodyCount))
        setup.set(CURLOPT_POSTFIELDS, pointer: context.requestBody.baseAddress)
        if method != "POST" { setup.set(CURLOPT_CUSTOMREQUEST, method) }
        return true
    }

    private static func configureTLS(_ tls: TLSOptions, setup: inout OptionSetter) {
        if let caFile = tls.caFile { setup.set(CURLOPT_CAINFO, caFile) }
        if let certificate = tls.clientCertificateFile { setup.set(CURLOPT_SSLCERT, certificate) }
        if let key = tls.clientKeyFile { setup.set(CURLOPT_SSLKEY, key) }
        if let password = tls.clientKeyPassword { setup.set(CURLOPT_KEYPASSWD, password) }
        if tls.insecureSkipVerify {
            setup.set(CURLOPT_SSL_VERIFYPEER, 0)
            setup.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
    }

    /// The header list: the caller's headers, then an empty `Expect:` (no 100-continue round trip) and, when a
    /// body is sent without a content type, an empty `Content-Type:` so libcurl adds no form type of its own.
    /// `nil` when out of memory.
    private static func headerList(
        for request: HTTPClientRequest, suppressDefaultContentType: Bool
    ) -> UnsafeMutablePointer<curl_slist>? {
        var lines: [String] = request.headers.map { name, value in
            // "Name:" would remove the header in libcurl; "Name;" sends it with an empty value.
            value.isEmpty ? "\(name);" : "\(name): \(value)"
        }
        let names = Set(request.headers.map { $0.0.lowercased() })
        if !names.contains("expect") { lines.append("Expect:") }
        if suppressDefaultContentType, !names.contains("content-type") { lines.append("Content-Type:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                return nil
            }
            list = appended
        }
        return list
    }

    /// Refuses what libcurl would send wrongly or what would let a value inject protocol text.
    private static func validate(_ request: HTTPClientRequest) throws(HTTPClientError) {
        let tokenPunctuation = Set("!#$%&'*+-.^_`|~".utf8)
        func isToken(_ text: String) -> Bool {
            !text.isEmpty
                && text.utf8.allSatisfy { byte in
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                        || tokenPunctuation.contains(byte)
                }
        }
        func fail(_ message: String) -> HTTPClientError {
            HTTPClientError(code: .invalidRequest, message: message, url: request.url)
        }
        guard isToken(request.method) else {
            throw fail("The method \"\(request.method)\" is not a valid HTTP method. Use a token such as GET or POST.")
        }
        for (name, value) in request.headers {
            guard isToken(name) else {
                throw fail("The header name \"\(name)\" is not a valid HTTP field name. Use letters, digits and hyphens.")
            }
            guard !value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else {
                throw fail("The value of the header \(name) contains a line break or NUL, which would corrupt the request. Remove it.")
            }
        }
        if request.method == "HEAD", !request.body.isEmpty {
            throw fail("A HEAD request cannot carry a body. Send it with another method or without the body.")
        }
        guard request.timeoutMilliseconds >= 0, request.connectTimeoutMilliseconds >= 0, request.maxRedirects >= 0,
            request.maxResponseBytes >= 0
        else {
            throw fail("Timeouts, the redirect limit and the response size limit must not be negative.")
        }
    }
}

/// Sets options on one handle and remembers the first option libcurl refused.
private struct OptionSetter {
    let handle: UnsafeMutableRawPointer
    let url: String
    private(set) var failure: HTTPClientError?

    init(handle: UnsafeMutableRawPointer, url: String) {
        self.handle = handle
        self.url = url
    }

    mutating func set(_ option: CURLoption, _ value: Int) {
        check(zb_curl_setopt_long(handle, option, value), "option \(option.rawValue)")
    }

    mutating func set(_ option: CURLoption, _ value: String) {
        // libcurl copies string options, so the temporary C string may go away after the call.
        check(zb_curl_setopt_string(handle, option, value), "option \(option.rawValue)")
    }

    mutating func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) {
        check(zb_curl_setopt_pointer(handle, option, pointer), "option \(option.rawValue)")
    }

    mutating func set(_ option: CURLoption, offset: Int64) {
        check(zb_curl_setopt_off_t(handle, option, curl_off_t(offset)), "option \(option.rawValue)")
    }

    mutating func check(_ code: CURLcode, _ what: String) {
        guard code != CURLE_OK, failure == nil else { return }
        let kind: HTTPClientError.Code = code == CURLE_URL_MALFORMAT ? .invalidURL : .other(Int(code.rawValue))
        failure = HTTPClientError(
            code: kind,
            message: "libcurl refused \(what) (code \(code.rawValue)) for \(HTTPClientError.origin(of: url)). Check the request's values; this libcurl may lack the feature.",
            url: url,
            curlCode: Int(code.rawValue)
        )
    }
}
