import Testing
import ZorgbrugCore

@Suite("ResourceID (https://hl7.org/fhir/R4/datatypes.html#id)")
struct ResourceIDTests {
    @Test("valid ids", arguments: [
        "a", "1", "phq-9", "Patient.1", "A-Z.a-z.0-9", "0f8fad5b-d9cb-469f-a165-70867728950e",
        String(repeating: "x", count: 64),
    ])
    func valid(id: String) {
        #expect(ResourceID.isValid(id))
    }

    @Test("invalid ids", arguments: [
        "", " ", "a b", "a/b", "a_b", "a:b", "a#b", "a%20b", "é", "Ñandu", "a\n", "a\u{0}b",
        String(repeating: "x", count: 65),
    ])
    func invalid(id: String) {
        #expect(!ResourceID.isValid(id))
    }

    @Test("works on substrings")
    func substring() {
        let reference = "Patient/abc-1"
        let id = reference.split(separator: "/")[1]
        #expect(ResourceID.isValid(id))
        #expect(!ResourceID.isValid(reference[...]))
    }
}
