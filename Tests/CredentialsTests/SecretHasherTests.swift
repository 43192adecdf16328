import Foundation
import Testing

@testable import Credentials

@Suite struct SecretHasherTests {
    static func pepper(_ byte: UInt8) throws -> Pepper { try Pepper(bytes: Array(repeating: byte, count: 32)) }

    @Test func tokenHashIsSHA256Hex() {
        #expect(SecretHasher.tokenHash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecretHasher.tokenHash("abd") != SecretHasher.tokenHash("abc"))
    }

    @Test func connectCodeHashIsKeyedByThePepper() throws {
        let code = try #require(ConnectCode(parsing: "ABCD-EFGH"))
        let first = SecretHasher(pepper: try Self.pepper(1))
        let second = SecretHasher(pepper: try Self.pepper(2))
        #expect(first.connectCodeHash(code).count == 64)
        #expect(first.connectCodeHash(code) != second.connectCodeHash(code))
        #expect(first.connectCodeHash(code) != SecretHasher.tokenHash(code.normalized))
        let typed = try #require(ConnectCode(parsing: "abcd efgh"))
        #expect(first.connectCodeHash(code) == first.connectCodeHash(typed))
    }

    @Test func connectCodeHashMatchesAnIndependentHMAC() throws {
        // HMAC-SHA256 with a 32-byte key of 0x0b over "ABCDEFGH", computed independently (Python hmac).
        let hasher = SecretHasher(pepper: try Self.pepper(0x0b))
        let code = try #require(ConnectCode(parsing: "ABCDEFGH"))
        #expect(hasher.connectCodeHash(code) == "163bae18f72b80c332ef0e5ed194ba6e0c948ab8f9ddb0376c2a4de009a1522f")
    }

    @Test func matchesComparesWithTheStoredHash() {
        let stored = SecretHasher.tokenHash("s3cret")
        #expect(SecretHasher.matches(secret: "s3cret", storedHash: stored))
        #expect(!SecretHasher.matches(secret: "s3cres", storedHash: stored))
        #expect(!SecretHasher.matches(secret: "s3cret", storedHash: ""))
        #expect(!SecretHasher.matches(secret: "s3cret", storedHash: String(stored.dropLast())))
    }

    @Test(arguments: [
        ([1, 2, 3] as [UInt8], [1, 2, 3] as [UInt8], true),
        ([], [], true),
        ([1, 2, 3], [1, 2, 4], false),
        ([1, 2, 3], [1, 2], false),
        ([], [0], false),
        ([0], [], false),
    ])
    func constantTimeEquals(lhs: [UInt8], rhs: [UInt8], equal: Bool) {
        #expect(ConstantTime.equals(lhs, rhs) == equal)
    }

    @Test func pepperRefusesShortOrNonHexInput() {
        #expect(throws: PepperError.tooShort(31)) { try Pepper(bytes: Array(repeating: 0, count: 31)) }
        #expect(throws: PepperError.notHex) { try Pepper(fileContents: String(repeating: "zz", count: 32)) }
        #expect(throws: PepperError.notHex) { try Pepper(fileContents: "abc") }
        #expect(throws: PepperError.notHex) { try Pepper(fileContents: "  \n") }
        #expect(throws: PepperError.tooShort(16)) { try Pepper(fileContents: String(repeating: "ab", count: 16)) }
    }

    @Test func pepperRoundTripsThroughItsFile() throws {
        let pepper = Pepper.generate()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pepper-\(UUID().uuidString)").path
        try (pepper.hexEncoded + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = try Pepper.load(path: path)
        #expect(loaded.hexEncoded == pepper.hexEncoded)
        #expect(pepper.hexEncoded.count == 64)
        #expect(throws: PepperError.unreadable("/nonexistent/pepper")) { try Pepper.load(path: "/nonexistent/pepper") }
    }
}
