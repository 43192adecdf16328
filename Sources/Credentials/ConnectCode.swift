/// A connect code ("koppelcode"): 8 Crockford base32 symbols (40 bits), shown as `XXXX-XXXX`.
///
/// A provider hands one to a patient after identifying them; the patient's PGO redeems it once for a grant.
/// Parsing is forgiving about what people type: case-insensitive, `I`/`L` read as `1`, `O` as `0`, hyphens and
/// spaces anywhere are ignored. Any other symbol (including `U`) makes the code invalid.
///
/// The code is a secret: ``description`` is redacted so it never lands in a log by accident; use ``formatted``
/// to show it to the person it is meant for, and hash ``normalized`` (through ``SecretHasher``) to store it.
package struct ConnectCode: Sendable, Hashable, CustomStringConvertible {
    /// Number of symbols in a code.
    package static let symbolCount = 8
    /// Entropy of a code in bits (8 symbols × 5 bits).
    package static let entropyBits = 40

    /// The canonical form: 8 uppercase Crockford symbols, no separator. This is what gets hashed.
    package let normalized: String

    /// Parses what a person typed. Returns `nil` unless it holds exactly 8 valid symbols.
    package init?(parsing text: String) {
        var symbols: [Character] = []
        for character in text {
            if character == "-" || character == " " || character == "\t" { continue }
            guard let value = CrockfordBase32.value(of: character) else { return nil }
            symbols.append(CrockfordBase32.alphabet[Int(value)])
            if symbols.count > Self.symbolCount { return nil }
        }
        guard symbols.count == Self.symbolCount else { return nil }
        normalized = String(symbols)
    }

    /// Makes a code from 5 random bytes.
    init(randomBytes: [UInt8]) {
        normalized = CrockfordBase32.encode40(randomBytes)
    }

    /// The code as shown to a person: `XXXX-XXXX`.
    package var formatted: String {
        String(normalized.prefix(4)) + "-" + String(normalized.suffix(4))
    }

    /// Redacted, so a code never reaches a log through string interpolation.
    package var description: String { "ConnectCode(****-****)" }
}
