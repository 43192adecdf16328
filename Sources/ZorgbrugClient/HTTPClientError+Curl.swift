import CCurl

extension HTTPClientError {
    /// The error for a failed `curl_easy_perform`, with a message for people.
    init(curl code: CURLcode, url: String, detail: String?) {
        let target = Self.origin(of: url)
        let kind: Code
        let message: String
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            kind = .couldNotConnect
            message = "Could not resolve the host of \(target). Check the host name in the URL and the DNS settings."
        case CURLE_COULDNT_CONNECT:
            kind = .couldNotConnect
            message = "Could not connect to \(target): nothing accepted the connection. Check that the server runs and that the host and port are right."
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timedOut
            message = "The request to \(target) did not finish within its deadline. Try again later, or raise the timeout if the server is known to be slow."
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            kind = .tls
            message = "The TLS connection to \(target) failed. Check that the server's certificate is issued by a trusted CA (set a CA file for a private CA) for this host name, and that any client certificate and key files are readable and accepted by the server."
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            kind = .invalidURL
            message = "The URL \(target) is not a valid http or https URL. Check its spelling and scheme."
        case CURLE_TOO_MANY_REDIRECTS:
            kind = .tooManyRedirects
            message = "The server at \(target) redirected more often than allowed. Check for a redirect loop, or allow more redirects."
        case CURLE_SEND_ERROR where detail?.contains("SSL") == true, CURLE_RECV_ERROR where detail?.contains("SSL") == true:
            // OpenSSL reports a TLS alert after the handshake (TLS 1.3: "tlsv13 alert certificate required")
            // as a send/receive error; it is a TLS failure, usually a missing or refused client certificate.
            kind = .tls
            message = "The server at \(target) ended the TLS connection with an alert. It probably requires a client certificate (mutual TLS) that was not sent or not accepted: check the client certificate and key files and that the server trusts their CA."
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            kind = .connectionLost
            message = "The connection to \(target) broke before a complete response arrived. Try again; if it persists, check the server's logs (it may also require a client certificate)."
        default:
            kind = .other(Int(code.rawValue))
            message = "The request to \(target) failed in libcurl (code \(code.rawValue)). See the detail for what libcurl reported."
        }
        self.init(code: kind, message: message, url: url, curlCode: Int(code.rawValue), detail: detail)
    }

    /// `scheme://host:port` of a URL, without path or query (which may hold secrets), for messages.
    static func origin(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url.split(separator: "?").first.map(String.init) ?? url }
        let rest = url[schemeEnd.upperBound...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        return String(url[..<end])
    }
}
