import FHIR

extension AuditRecord {
    /// Code system for Zorgbrug's own interactions (`token`, `connect`, `revoke`, `authorize-failed`, …).
    package static let interactionSystem = "http://zorgbrug.nl/fhir/CodeSystem/audit-interaction"
    /// Naming system of OAuth client ids, used to identify the software agent.
    package static let clientIDSystem = "http://zorgbrug.nl/fhir/NamingSystem/client-id"

    private static let restfulInteractions: Set<String> = [
        "read", "vread", "update", "patch", "delete", "history", "create", "search", "operation",
    ]

    /// The record as a FHIR R4 `AuditEvent` (https://hl7.org/fhir/R4/auditevent.html) with id `id` (use the
    /// record's sequence number).
    ///
    /// `type` is `rest` for FHIR interactions (with the interaction as `subtype`) and DICOM 110114 "User
    /// Authentication" for token, connect and revocation events. Agents: the person or organization
    /// (`requestor`, with the network address) and the client software (by client id). Entities: the resource
    /// touched, the patient, and the request/correlation/trace ids as details.
    package func fhirAuditEvent(id: String) -> JSON {
        let isREST = Self.restfulInteractions.contains(interaction.rawValue)
        var event: JSONObject = [
            "resourceType": "AuditEvent",
            "id": .string(id),
            "type": isREST
                ? ["system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest", "display": "RESTful Operation"]
                : ["system": "http://dicom.nema.org/resources/ontology/DCM", "code": "110114", "display": "User Authentication"],
            "subtype": [[
                "system": .string(isREST ? "http://hl7.org/fhir/restful-interaction" : Self.interactionSystem),
                "code": .string(interaction.rawValue),
            ]],
            "action": .string(action.rawValue),
            "recorded": .string(CalendarDay.fhirInstant(epochMilliseconds: recorded)),
            "outcome": .string(String(outcome.rawValue)),
        ]
        if let outcomeDescription { event["outcomeDesc"] = .string(outcomeDescription) }

        var person: JSONObject = ["requestor": true]
        if let actorID = agent.actorID, ["Patient", "RelatedPerson", "Organization"].contains(agent.actorType) {
            person["who"] = ["reference": .string("\(agent.actorType)/\(actorID)")]
        } else {
            person["who"] = ["display": .string(agent.actorType)]
        }
        if let remoteAddress { person["network"] = ["address": .string(remoteAddress), "type": "2"] }
        var agents: [JSON] = [.object(person)]
        if let clientID = agent.clientID {
            agents.append([
                "who": ["identifier": ["system": .string(Self.clientIDSystem), "value": .string(clientID)]],
                "requestor": false,
            ])
        }
        event["agent"] = .array(agents)
        event["source"] = ["observer": ["display": "Zorgbrug"]]

        var entities: [JSON] = []
        if let resourceType {
            let what = resourceID.map { "\(resourceType)/\($0)" } ?? resourceType
            entities.append(["what": resourceID == nil ? ["display": .string(what)] : ["reference": .string(what)]])
        }
        if let patientID {
            entities.append([
                "what": ["reference": .string("Patient/\(patientID)")],
                "role": ["system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "1", "display": "Patient"],
            ])
        }
        let details: [JSON] = [("X-Request-Id", requestID), ("X-Correlation-Id", correlationID), ("X-Trace-Id", traceID)]
            .compactMap { name, value in value.map { ["type": .string(name), "valueString": .string($0)] } }
        if !details.isEmpty {
            entities.append([
                "type": ["system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2", "display": "System Object"],
                "detail": .array(details),
            ])
        }
        if !entities.isEmpty { event["entity"] = .array(entities) }
        return .object(event)
    }
}
