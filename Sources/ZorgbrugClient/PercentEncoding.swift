/// Percent-encoding for URL components and form bodies (RFC 3986 §2).
///
/// Everything except the unreserved characters (`A–Z a–z 0–9 - . _ ~`) is encoded as `%XX` (upper-case hex) of its
/// UTF-8 bytes, so values can hold `&`, `=`, `+`, `/`, `?`, `#`, spaces and any Unicode text safely.
public enum PercentEncoding {
    /// `text` with every byte outside the unreserved set percent-encoded.
    public static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `name=value` pairs joined by `&`, each name and value encoded with ``encode(_:)``: a URL query
    /// (without the `?`) or an `application/x-www-form-urlencoded` body. Order and repeated names are kept.
    public static func query(_ parameters: [(String, String)]) -> String {
        parameters.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
