import FHIR
import ZorgbrugCore
import ZorgbrugStore

extension IdentityService {
    /// A page of audit events for one patient, oldest first, after `afterSeq`.
    package struct AuditPage: Sendable {
        package var events: [JSONObject]
        package var lastSeq: Int64?
        package var patientIDs: Set<String>
    }

    /// Reads the audit trail of `patientID` as AuditEvents: a provider for its own patients, a patient (or their
    /// delegate) for their own data. Another patient's trail answers 404, like everything else.
    package func auditEvents(
        patientID: String, since: Int64?, agentClientID: String?, afterSeq: Int64?, count: Int, caller: Caller
    ) async throws -> AuditPage {
        try await store.read { reader in
            switch caller.kind {
            case .provider(let organizationID):
                guard let patient = try reader.current(type: "Patient", id: patientID), patient.organizationId == organizationID else {
                    throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Patient", "id": patientID])
                }
            case .patientSide(let own, _, _):
                guard own == patientID else { throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Patient", "id": patientID]) }
            }
            let events = try reader.identity.auditEvents(
                patientID: patientID, since: since, agentClientID: agentClientID, afterSeq: afterSeq, limit: count)
            var names: [String: String] = [:]
            for clientID in Set(events.compactMap(\.record.agent.clientID)) {
                if let client = try reader.identity.client(id: clientID) { names[clientID] = client.displayName }
            }
            return AuditPage(
                events: events.compactMap { event in
                    event.record.fhirAuditEvent(id: String(event.seq), clientName: event.record.agent.clientID.flatMap { names[$0] }).objectValue
                },
                lastSeq: events.count == count ? events.last?.seq : nil,
                patientIDs: [patientID])
        }
    }
}
