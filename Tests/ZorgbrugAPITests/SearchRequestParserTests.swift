import Testing
import ZorgbrugAPI
import ZorgbrugCore
import ZorgbrugStore

/// When the parser tells the store the patient of every match (`SearchQuery.patientOfMatches`): only from a
/// reference to one Patient on the compartment parameter of a type whose resources name one patient there.
@Suite("Search request parser")
struct SearchRequestParserTests {
    static func patient(_ type: String, _ parameters: [(String, String)]) throws -> String? {
        let definition = try #require(ResourceCatalog.definition(type))
        return try SearchRequestParser.parse(
            parameters.map { (name: $0.0, value: $0.1) }, definition: definition, scope: .unrestricted
        ).query.patientOfMatches
    }

    @Test func theCompartmentParameterNamesThePatientOfEveryMatch() throws {
        #expect(try Self.patient("Task", [("patient", "Patient/p1"), ("status", "ready")]) == "p1")
        #expect(try Self.patient("Task", [("status", "ready"), ("patient", "p1")]) == "p1")
        #expect(try Self.patient("Observation", [("patient", "p2"), ("code", "http://loinc.org|85354-9")]) == "p2")
    }

    @Test func anythingWeakerNamesNone() throws {
        #expect(try Self.patient("Task", [("status", "ready")]) == nil)
        #expect(try Self.patient("Task", [("patient", "Patient/p1,Patient/p2")]) == nil)  // either of two
        #expect(try Self.patient("Task", [("subject", "Patient/p1")]) == nil)  // not the compartment parameter
        #expect(try Self.patient("Task", [("owner", "Patient/p1")]) == nil)
        #expect(try Self.patient("Task", [("patient:missing", "false")]) == nil)
        #expect(try Self.patient("Appointment", [("patient", "Patient/p1")]) == nil)  // may name several patients
        #expect(try Self.patient("Questionnaire", [("status", "active")]) == nil)
    }
}
