/// Where the server's TLS certificate and private key are, as PEM files.
///
/// Both files are read once, by `HTTPServer.start()`, into memory; the key must not be encrypted.
public struct TLSFiles: Sendable, Equatable {
    /// Path of the PEM certificate (chain), leaf first.
    public var certificatePath: String
    /// Path of the unencrypted PEM private key.
    public var keyPath: String

    /// The two PEM paths.
    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }
}
