import FHIR
import ZorgbrugCore
import ZorgbrugStore

/// Shows audit records as FHIR `AuditEvent`s (https://hl7.org/fhir/R4/auditevent.html), so a provider can see
/// who touched its patients' data and a patient can see who looked at theirs.
package enum AuditEventMapper {
    /// The AuditEvent for one stored record; `clientNames` gives display names of clients by id.
    package static func resource(_ event: StoredAuditEvent, clientNames: [String: String]) -> JSONObject {
        let record = event.record
        var requestor: JSONObject = ["requestor": true]
        if let actorID = record.agent.actorID {
            requestor["who"] = ["reference": .string("\(record.agent.actorType)/\(actorID)")]
        }
        if let clientID = record.agent.clientID {
            requestor["altId"] = .string(clientID)
            if let name = clientNames[clientID] { requestor["name"] = .string(name) }
        }
        if let address = record.remoteAddress { requestor["network"] = ["address": .string(address), "type": "2"] }
        var entities: [JSON] = []
        if let patientID = record.patientID {
            entities.append([
                "what": ["reference": .string("Patient/\(patientID)")],
                "type": ["system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "1", "display": "Person"],
                "role": ["system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "1", "display": "Patient"],
            ])
        }
        if let type = record.resourceType {
            var what: JSONObject = ["type": .string(type)]
            if let id = record.resourceID { what["reference"] = .string("\(type)/\(id)") }
            var entity: JSONObject = ["what": .object(what)]
            var details: [JSON] = []
            if let requestID = record.requestID { details.append(["type": "X-Request-Id", "valueString": .string(requestID)]) }
            if let correlationID = record.correlationID { details.append(["type": "X-Correlation-Id", "valueString": .string(correlationID)]) }
            if let traceID = record.traceID { details.append(["type": "X-Trace-Id", "valueString": .string(traceID)]) }
            if !details.isEmpty { entity["detail"] = .array(details) }
            entities.append(.object(entity))
        }
        var resource: JSONObject = [
            "resourceType": "AuditEvent",
            "id": .string(String(event.seq)),
            "type": ["system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest", "display": "RESTful Operation"],
            "subtype": [["system": "http://zorgbrug.nl/fhir/CodeSystem/audit-interaction", "code": .string(record.interaction.rawValue)]],
            "action": .string(record.action.rawValue),
            "recorded": .string(FHIRInstant.format(milliseconds: record.recorded)),
            "outcome": .string(String(record.outcome.rawValue)),
            "agent": [.object(requestor)],
            "source": ["observer": ["display": "Zorgbrug"], "type": [["system": "http://terminology.hl7.org/CodeSystem/security-source-type", "code": "4"]]],
        ]
        if let description = record.outcomeDescription { resource["outcomeDesc"] = .string(description) }
        if !entities.isEmpty { resource["entity"] = .array(entities) }
        return resource
    }
}
