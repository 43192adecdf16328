/// Crockford's base32 alphabet (https://www.crockford.com/base32.html): digits and letters without I, L, O, U.
enum CrockfordBase32 {
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The value of one symbol, reading `I`/`L` as 1 and `O` as 0, case-insensitively; `nil` for anything else.
    static func value(of symbol: Character) -> UInt8? {
        let upper = Character(symbol.uppercased())
        switch upper {
        case "I", "L": return 1
        case "O": return 0
        default:
            guard let index = alphabet.firstIndex(of: upper) else { return nil }
            return UInt8(index)
        }
    }

    /// Encodes 5 bytes (40 bits) as 8 symbols, most significant bits first.
    static func encode40(_ bytes: [UInt8]) -> String {
        var accumulator: UInt64 = 0
        for byte in bytes.prefix(5) { accumulator = accumulator << 8 | UInt64(byte) }
        var symbols: [Character] = []
        for shift in stride(from: 35, through: 0, by: -5) {
            symbols.append(alphabet[Int((accumulator >> UInt64(shift)) & 0x1F)])
        }
        return String(symbols)
    }
}
