import Foundation
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

    @Test("randomUUID: lowercase version-4 UUID text, a valid FHIR id, unique")
    func randomUUID() throws {
        var seen = Set<String>()
        for _ in 0..<2000 {
            let id = ResourceID.randomUUID()
            #expect(ResourceID.isValid(id))
            let parts = id.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
            #expect(id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || $0 == 0x2D })
            #expect(parts[2].first == "4")  // version
            #expect(["8", "9", "a", "b"].contains(parts[3].first.map(String.init)))  // variant
            // Foundation reads it back as the same UUID.
            let parsed = try #require(UUID(uuidString: id))
            #expect(parsed.uuidString.lowercased() == id)
            seen.insert(id)
        }
        #expect(seen.count == 2000)
    }
}
