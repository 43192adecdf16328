/// Certificates for an `https` request: which CA to trust and which client certificate to present.
///
/// Files are PEM. Paths are read by libcurl when the connection is made, so a missing or unreadable file fails
/// that request with ``HTTPClientError/Code/tls``.
public struct TLSOptions: Sendable, Hashable {
    /// A PEM bundle of the CAs to trust instead of the system store (a private CA). `nil` uses the system store.
    public var caFile: String?
    /// The client certificate (PEM) for mutual TLS; needs ``clientKeyFile`` too.
    public var clientCertificateFile: String?
    /// The private key (PEM) of ``clientCertificateFile``.
    public var clientKeyFile: String?
    /// The pass phrase of an encrypted ``clientKeyFile``; `nil` when the key is not encrypted.
    public var clientKeyPassword: String?
    /// Skips verifying the server's certificate and host name. **For tests only**: it makes the connection
    /// open to anyone in the middle.
    public var insecureSkipVerify: Bool

    /// Options with every field settable; the defaults trust the system store and present no client certificate.
    public init(
        caFile: String? = nil,
        clientCertificateFile: String? = nil,
        clientKeyFile: String? = nil,
        clientKeyPassword: String? = nil,
        insecureSkipVerify: Bool = false
    ) {
        self.caFile = caFile
        self.clientCertificateFile = clientCertificateFile
        self.clientKeyFile = clientKeyFile
        self.clientKeyPassword = clientKeyPassword
        self.insecureSkipVerify = insecureSkipVerify
    }

    /// The system trust store, no client certificate.
    public static let system = TLSOptions()
}
