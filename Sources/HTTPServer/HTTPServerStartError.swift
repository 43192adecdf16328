/// Why `HTTPServer.start()` failed, with a message that says what to do about it.
public struct HTTPServerStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable category of start failure; more may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidConfiguration, portInUse, tlsFilesUnreadable, tlsRejected, alreadyStarted, daemonFailed
        }
        private let base: Base

        /// A setting is out of range or the host is not an IP literal.
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// Another process (or server) already listens on the address and port.
        public static let portInUse = Code(base: .portInUse)
        /// A TLS certificate or key file could not be read or holds no PEM data.
        public static let tlsFilesUnreadable = Code(base: .tlsFilesUnreadable)
        /// libmicrohttpd (GnuTLS) refused the certificate or key, or has no TLS support.
        public static let tlsRejected = Code(base: .tlsRejected)
        /// `start()` was called on a server that was already started.
        public static let alreadyStarted = Code(base: .alreadyStarted)
        /// libmicrohttpd failed to start for another reason (see the message).
        public static let daemonFailed = Code(base: .daemonFailed)

        /// The code's name, e.g. `portInUse`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// What went wrong and how to fix it, including libmicrohttpd's own diagnostic when it gave one.
    public let message: String

    /// An error with the given code and message.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
