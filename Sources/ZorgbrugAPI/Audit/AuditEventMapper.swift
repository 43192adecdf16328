import FHIR
import ZorgbrugCore
import ZorgbrugStore

/// Shows audit records as FHIR `AuditEvent`s (https://hl7.org/fhir/R4/auditevent.html), so a provider can see
/// who touched its patients' data and a patient can see who looked at theirs.
package enum AuditEventMapper {
    /// FHIR RESTful interactions (http://hl7.org/fhir/restful-interaction); the rest are Zorgbrug's own codes.
    private static let restfulInteractions: Set<String> = [
        "read", "vread", "update", "patch", "delete", "history", "create", "search", "operation",
    ]

    /// The AuditEvent for one stored record; `clientNames` gives display names of clients by id.
    ///
    /// - `type`: `rest` for FHIR interactions, DICOM 110114 "User Authentication" for token, connect, delegate,
    ///   revoke and refused authentication; `subtype`: the interaction.
    /// - `agent[0]`: the requestor: `who` the Patient, RelatedPerson or Organization, `altId` the client id,
    ///   `name` the client's display name, `network` the remote address.
    /// - `entity`: the patient (role 1), the resource (`what.type`, and `what.reference` when one instance was
    ///   touched), and a system object whose `detail`s carry `X-Request-Id`, `X-Correlation-Id`, `X-Trace-Id`.
    package static func resource(_ event: StoredAuditEvent, clientNames: [String: String]) -> JSONObject {
        let record = event.record
        let isREST = restfulInteractions.contains(record.interaction.rawValue)
        var requestor: JSONObject = ["requestor": true]
        if let actorID = record.agent.actorID {
            requestor["who"] = ["reference": .string("\(record.agent.actorType)/\(actorID)")]
        }
        if let clientID = record.agent.clientID {
            requestor["altId"] = .string(clientID)
            if let name = clientNames[clientID] { requestor["name"] = .string(name) }
        }
        if let address = record.remoteAddress, !address.isEmpty {
            requestor["network"] = ["address": .string(address), "type": "2"]
        }
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
            entities.append(["what": .object(what)])
        }
        let details: [JSON] = [("X-Request-Id", record.requestID), ("X-Correlation-Id", record.correlationID), ("X-Trace-Id", record.traceID)]
            .compactMap { name, value in value.map { ["type": .string(name), "valueString": .string($0)] } }
        if !details.isEmpty {
            entities.append([
                "type": ["system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2", "display": "System Object"],
                "detail": .array(details),
            ])
        }
        var resource: JSONObject = [
            "resourceType": "AuditEvent",
            "id": .string(String(event.seq)),
            "type": isREST
                ? ["system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest", "display": "RESTful Operation"]
                : ["system": "http://dicom.nema.org/resources/ontology/DCM", "code": "110114", "display": "User Authentication"],
            "subtype": [[
                "system": .string(isREST ? "http://hl7.org/fhir/restful-interaction" : AuditRecord.interactionSystem),
                "code": .string(record.interaction.rawValue),
            ]],
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
