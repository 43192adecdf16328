import Testing

@testable import Credentials

@Suite struct SecretGeneratorTests {
    static func fixed(_ byte: UInt8) -> RandomBytesSource {
        RandomBytesSource { count in Array(repeating: byte, count: count) }
    }

    @Test func tokensAre256BitBase64URLWithoutPadding() {
        let token = SecretGenerator().token()
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }

    @Test func systemTokensDiffer() {
        let generator = SecretGenerator()
        let tokens = Set((0..<100).map { _ in generator.token() })
        #expect(tokens.count == 100)
        let codes = Set((0..<100).map { _ in generator.connectCode().normalized })
        #expect(codes.count == 100)
    }

    @Test func tokenEncodesTheInjectedBytes() {
        #expect(SecretGenerator(random: Self.fixed(0xFF)).token() == String(repeating: "_", count: 42) + "8")
        #expect(SecretGenerator(random: Self.fixed(0)).clientSecret() == String(repeating: "A", count: 43))
    }

    @Test(arguments: [
        ([0, 0, 0, 0, 0] as [UInt8], "0000-0000"),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF], "ZZZZ-ZZZZ"),
        ([0x08, 0x42, 0x10, 0x84, 0x21], "1111-1111"),
        ([0x00, 0x44, 0x32, 0x14, 0xC7], "0123-4567"),
    ])
    func connectCodeUsesEvery40BitsInCrockfordOrder(bytes: [UInt8], expected: String) {
        let generator = SecretGenerator(random: RandomBytesSource { count in
            precondition(count == 5)
            return bytes
        })
        #expect(generator.connectCode().formatted == expected)
    }

    @Test func connectCodeFormatIsFourHyphenFour() {
        let code = SecretGenerator().connectCode()
        #expect(code.formatted.count == 9)
        #expect(Array(code.formatted)[4] == "-")
        #expect(ConnectCode(parsing: code.formatted) == code)
        #expect(code.formatted.allSatisfy { !"ILOU".contains($0) })
    }
}
