import FHIR
import Foundation
import Testing

/// Files that import Foundation next to FHIR must be able to name the FHIR types; `Bundle` clashes with
/// Foundation's and is reached as `FHIRBundle`.
@Suite("FHIR types next to Foundation")
struct FoundationCoexistenceTests {
    @Test("Observation and FHIRBundle decode with JSONDecoder")
    func decodeWithFoundation() throws {
        let observation = try JSONDecoder().decode(
            Observation.self,
            from: Data(#"{"resourceType":"Observation","status":"final","code":{"text":"bp"},"valueQuantity":{"value":120}}"#.utf8))
        #expect(observation.status == .final)
        #expect(observation.valueQuantity?.value?.text == "120")

        let bundle = try JSONDecoder().decode(FHIRBundle.self, from: Data(#"{"resourceType":"Bundle","type":"batch"}"#.utf8))
        #expect(bundle.type == .batch)

        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(FHIRBundle.self, from: Data(#"{"resourceType":"Bundle","type":3}"#.utf8))
        }
    }
}
