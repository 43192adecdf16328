@testable import Credentials

/// Keys generated once per test run (RSA generation is slow in debug builds).
enum TestKeys {
    static let es256: ClientKeyPair? = try? ClientKeyPair.generate(.es256, keyID: "ec-1")
    static let es256Other: ClientKeyPair? = try? ClientKeyPair.generate(.es256, keyID: "ec-2")
    static let rs256: ClientKeyPair? = try? ClientKeyPair.generate(.rs256, keyID: "rsa-1")

    /// Base64url of a JSON text, for hand-made tokens.
    static func segment(_ json: String) -> String { Base64URL.encode(Array(json.utf8)) }
}
