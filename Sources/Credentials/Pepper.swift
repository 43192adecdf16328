import Foundation

/// The server-side key mixed into connect-code hashes (HMAC-SHA256), kept outside the database.
///
/// Connect codes have only 40 bits, so a plain hash in a stolen database could be brute-forced offline in
/// minutes. Keyed with a pepper that lives in a separate file (mode 0600, owned by the service user, not in
/// backups of the database), a stolen database alone is useless. Losing the pepper only invalidates the
/// outstanding connect codes (at most 14 days' worth); grants and tokens do not depend on it.
///
/// File format: the pepper as hex (at least 64 hex digits = 32 bytes), surrounding whitespace ignored.
package struct Pepper: Sendable {
    /// The shortest pepper accepted, in bytes (256 bits).
    package static let minimumByteCount = 32

    let bytes: [UInt8]

    /// A pepper from raw bytes. Throws ``PepperError/tooShort`` below ``minimumByteCount`` bytes.
    package init(bytes: [UInt8]) throws(PepperError) {
        guard bytes.count >= Self.minimumByteCount else { throw .tooShort(bytes.count) }
        self.bytes = bytes
    }

    /// Parses a pepper file's contents (hex). Throws ``PepperError/notHex`` or ``PepperError/tooShort``.
    package init(fileContents: String) throws(PepperError) {
        let text = fileContents.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count % 2 == 0, !text.isEmpty else { throw .notHex }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 2)
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { throw .notHex }
            bytes.append(byte)
            index = next
        }
        try self.init(bytes: bytes)
    }

    /// Reads a pepper file (see the type's documentation for the format).
    ///
    /// Throws ``PepperError/unreadable`` when the file cannot be read, else as ``init(fileContents:)``.
    package static func load(path: String) throws(PepperError) -> Pepper {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)
        else { throw .unreadable(path) }
        return try Pepper(fileContents: text)
    }

    /// A fresh 32-byte pepper, for `zorgbrug admin init`-style commands that create the file.
    package static func generate(random: RandomBytesSource = .system) -> Pepper {
        Pepper(uncheckedBytes: random.bytes(minimumByteCount))
    }

    private init(uncheckedBytes: [UInt8]) { bytes = uncheckedBytes }

    /// The pepper as lowercase hex: what to write to the pepper file.
    package var hexEncoded: String { Hex.encode(bytes) }
}

/// Why a pepper could not be loaded.
package enum PepperError: Error, Equatable, CustomStringConvertible {
    /// Fewer than ``Pepper/minimumByteCount`` bytes (the associated value is the count found).
    case tooShort(Int)
    /// The file does not contain only hex digits.
    case notHex
    /// The file at this path could not be read.
    case unreadable(String)

    package var description: String {
        switch self {
        case .tooShort(let count):
            "The connect-code pepper has \(count) bytes; at least \(Pepper.minimumByteCount) are required. Generate a new one."
        case .notHex:
            "The connect-code pepper file must contain only hex digits (at least 64). Generate a new one."
        case .unreadable(let path):
            "The connect-code pepper file \(path) cannot be read. Check that it exists and that the service user may read it."
        }
    }
}
