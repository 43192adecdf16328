import FHIR
import Testing

@Suite("Reference parsing")
struct ReferenceTests {
    @Test(
        "literal references give type and id",
        arguments: [
            ("Patient/123", "Patient", "123"),
            ("Patient/a-b.c", "Patient", "a-b.c"),
            ("Observation/obs1/_history/2", "Observation", "obs1"),
            ("https://example.org/fhir/QuestionnaireResponse/qr-1", "QuestionnaireResponse", "qr-1"),
            ("http://example.org/fhir/Task/t1/_history/7", "Task", "t1"),
        ])
    func parses(reference: String, type: String, id: String) throws {
        let parsed = try #require(Reference(reference).parsed)
        #expect(parsed.type == type)
        #expect(parsed.id == id)
    }

    @Test(
        "non-literal and malformed references give nil",
        arguments: [
            "#vs1", "urn:uuid:0b5f7e8c-2b5c-4c1b-9d1e-1f6f0a8b9c0d", "Patient", "Patient/", "/Patient/1", "patient/1",
            "Patient/1/extra", "Patient/has space", "Patient/" + String(repeating: "x", count: 65), "a/b/Patient/1",
            "https://example.org/fhir/Patient/1/_history/", "",
        ])
    func rejects(reference: String) {
        #expect(Reference(reference).parsed == nil)
    }

    @Test("contained references give the contained id")
    func contained() {
        #expect(Reference("#vs1").containedID == "vs1")
        #expect(Reference("Patient/1").containedID == nil)
        #expect(Reference("#").containedID == nil)
    }

    @Test("refers(to:id:) matches relative and absolute references")
    func refersTo() {
        #expect(Reference("Patient/1").refers(to: .patient, id: "1"))
        #expect(Reference("https://x.example/fhir/Patient/1").refers(to: .patient, id: "1"))
        #expect(!Reference("Patient/1").refers(to: .practitioner, id: "1"))
        #expect(Reference(type: .task, id: "t9").reference == "Task/t9")
    }
}
