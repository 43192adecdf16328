import Testing

@testable import Credentials

@Suite struct ConnectCodeTests {
    @Test(arguments: [
        ("ABCD-EFGH", "ABCDEFGH"),
        ("abcd-efgh", "ABCDEFGH"),
        ("ABCDEFGH", "ABCDEFGH"),
        (" abcd efgh ", "ABCDEFGH"),
        ("ab-cd ef-gh", "ABCDEFGH"),
        ("IL0O-iloo", "11001100"),
        ("0123-4567", "01234567"),
        ("89xy-zVWT", "89XYZVWT"),
    ])
    func normalises(input: String, normalized: String) throws {
        let code = try #require(ConnectCode(parsing: input))
        #expect(code.normalized == normalized)
    }

    @Test(arguments: ["", "ABCD-EFG", "ABCD-EFGHJ", "ABCD-EFGU", "ABCD_EFGH", "ABCD.EFGH", "ÄBCD-EFGH", "ABCD-EFG!", "----"])
    func refusesInvalidInput(input: String) {
        #expect(ConnectCode(parsing: input) == nil)
    }

    @Test func descriptionIsRedacted() throws {
        let code = try #require(ConnectCode(parsing: "ABCD-EFGH"))
        #expect(!"\(code)".contains("ABCD"))
        #expect(code.formatted == "ABCD-EFGH")
    }

    @Test func typoVariantsAreTheSameCode() {
        #expect(ConnectCode(parsing: "1O0L-ABCD") == ConnectCode(parsing: "i00i abcd"))
    }
}
