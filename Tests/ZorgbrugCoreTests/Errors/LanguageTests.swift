import Testing
import ZorgbrugCore

@Suite("Language.negotiate (Accept-Language)")
struct LanguageTests {
    @Test("picks the best supported language, Dutch by default", arguments: [
        (nil, Language.nl),
        ("", .nl),
        ("nl", .nl),
        ("en", .en),
        ("EN-us", .en),
        ("nl-BE", .nl),
        ("en-GB,en;q=0.9", .en),
        ("fr, en;q=0.5", .en),
        ("de, fr;q=0.9", .nl),
        ("*", .nl),
        ("garbage", .nl),
        (";;;,,,;q=", .nl),
        ("en;q=0", .nl),
        ("en;q=0, nl;q=0", .nl),
        ("en;q=0.0, fr", .nl),
        ("nl;q=0.5, en;q=0.8", .en),
        ("en;q=0.3, nl;q=0.7", .nl),
        (" en ; q=0.7 , nl ;q=0.6", .en),
        ("en, nl", .en),
        ("nl, en", .nl),
        ("en;q=abc, nl;q=0.1", .nl),
        ("fr-CA, fr;q=0.9, en-US;q=0.8, en;q=0.7, nl;q=0.1", .en),
    ] as [(String?, Language)])
    func negotiate(header: String?, expected: Language) {
        #expect(Language.negotiate(header) == expected, "\(header ?? "nil")")
    }

    @Test("the q parameter name is case-insensitive (RFC 9110 §12.4.2): Q=0 refuses a language")
    func qIsCaseInsensitive() {
        #expect(Language.negotiate("en;Q=0, nl;q=0.1") == .nl)
    }
}
