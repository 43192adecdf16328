import FHIR
import Testing

@testable import ZorgbrugCore

@Suite struct IdentityAuditEventMappingTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_718_454_896_789, "2024-06-15T12:34:56.789Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ])
    func instants(epochMilliseconds: Int64, expected: String) {
        #expect(CalendarDay.fhirInstant(epochMilliseconds: epochMilliseconds) == expected)
    }

    @Test func aReadByARelatedPersonMapsToARestAuditEvent() {
        let record = AuditRecord(
            recorded: 1_718_454_896_789, agent: AuditAgent(clientID: "pgo-1", actorType: "RelatedPerson", actorID: "rp1"),
            patientID: "p1", action: .read, interaction: .read, resourceType: "Observation", resourceID: "o1",
            outcome: .success, requestID: "req-1", remoteAddress: "192.0.2.1")
        let event = record.fhirAuditEvent(id: "42")
        #expect(event["resourceType"]?.stringValue == "AuditEvent")
        #expect(event["id"]?.stringValue == "42")
        #expect(event["type"]?["code"]?.stringValue == "rest")
        #expect(event["subtype"]?.arrayValue?.first?["code"]?.stringValue == "read")
        #expect(event["recorded"]?.stringValue == "2024-06-15T12:34:56.789Z")
        #expect(event["outcome"]?.stringValue == "0")
        #expect(event["outcomeDesc"] == nil)
        let agents = event["agent"]?.arrayValue ?? []
        #expect(agents.count == 2)
        #expect(agents.first?["who"]?["reference"]?.stringValue == "RelatedPerson/rp1")
        #expect(agents.first?["requestor"]?.boolValue == true)
        #expect(agents.first?["network"]?["address"]?.stringValue == "192.0.2.1")
        #expect(agents.last?["who"]?["identifier"]?["value"]?.stringValue == "pgo-1")
        let entities = event["entity"]?.arrayValue ?? []
        #expect(entities.map { $0["what"]?["reference"]?.stringValue } == ["Observation/o1", "Patient/p1", nil])
        #expect(entities.last?["detail"]?.arrayValue?.first?["valueString"]?.stringValue == "req-1")
    }

    @Test func aRefusedTokenRequestMapsToAnAuthenticationEvent() {
        let record = AuditRecord(
            recorded: 0, agent: AuditAgent(clientID: nil, actorType: "operator", actorID: nil), patientID: nil,
            action: .execute, interaction: .authorizeFailed, outcome: .minorFailure, outcomeDescription: "invalid_client")
        let event = record.fhirAuditEvent(id: "1")
        #expect(event["type"]?["code"]?.stringValue == "110114")
        #expect(event["subtype"]?.arrayValue?.first?["system"]?.stringValue == AuditRecord.interactionSystem)
        #expect(event["outcome"]?.stringValue == "4")
        #expect(event["outcomeDesc"]?.stringValue == "invalid_client")
        #expect(event["agent"]?.arrayValue?.count == 1)
        #expect(event["agent"]?.arrayValue?.first?["who"]?["display"]?.stringValue == "operator")
        #expect(event["entity"] == nil)
    }
}
