import FHIR
import Testing
import ZorgbrugStore

@testable import ZorgbrugAPI

/// The searchset a search answers with is spliced from stored JSON text; it must equal, byte for byte, the Bundle
/// the FHIR builders make from parsed resources.
@Suite("BundleBuilder.searchsetBody")
struct BundleBuilderTests {
    static func stored(_ type: String, _ id: String, _ extra: JSONObject = [:]) -> StoredResource {
        var json: JSONObject = ["resourceType": .string(type), "id": .string(id), "meta": ["versionId": "1", "lastUpdated": "2026-11-23T10:00:00.000Z"]]
        for (key, value) in extra { json[key] = value }
        return StoredResource(
            type: type, id: id, versionId: 1, lastUpdated: 0, isDeleted: false, json: json, patientId: "p1",
            organizationId: "org-1")
    }

    static let cases: [(matches: [StoredResource], included: [StoredResource], total: Int?, next: String?)] = [
        ([], [], nil, nil),
        ([], [], 0, nil),
        ([stored("Task", "t1", ["status": "ready", "note": [["text": "a \"quoted\" é\n"]]])], [], nil, nil),
        (
            [stored("Task", "t1"), stored("Task", "t2", ["input": [["valueDecimal": .number(JSONNumber(text: "1.50")!)]]])],
            [stored("Patient", "p1", ["birthDate": "2010-01-01"])], 2, "http://x/fhir/Task?_cursor=abc&patient=p%201"
        ),
    ]

    @Test("equals the builder's Bundle", arguments: cases.indices)
    func equalsTheBuilder(index: Int) throws {
        let (matches, included, total, next) = Self.cases[index]
        let selfURL = "http://x/fhir/Task?patient=p1&status=ready"
        let spliced = BundleBuilder.searchsetBody(
            matches: matches, included: included, total: total, selfURL: selfURL, nextURL: next, baseURL: "http://x/fhir")
        let built = BundleBuilder.searchset(
            matches: matches, included: included, total: total, selfURL: selfURL, nextURL: next, baseURL: "http://x/fhir")
        #expect(spliced == JSON.object(built).serialized())
        // And it parses back to the same Bundle.
        let parsed = try JSONParser().parse(spliced)
        #expect(parsed == .object(built))
    }
}
