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
    /// record's sequence number). This is the one mapping from audit records to AuditEvents.
    ///
    /// `type` is `rest` for FHIR interactions (with the interaction as `subtype`) and DICOM 110114 "User
    /// Authentication" for token, connect and revocation events. Agents: the person or organization
    /// (`requestor`, with the network address) and the client software (by client id, named `clientName`, the
    /// client's display name, when known). Source: Zorgbrug as application server. Entities: the resource
    /// touched (reference and type), the patient, and the request/correlation/trace ids as details.
    package func fhirAuditEvent(id: String, clientName: String? = nil) -> JSON {
        let isREST = Self.restfulInteractions.contains(interaction.rawValue)
        var event = AuditEvent()
        event.id = id
        event.type =
            isREST
            ? Coding(system: "http://terminology.hl7.org/CodeSystem/audit-event-type", code: "rest", display: "RESTful Operation")
            : Coding(system: "http://dicom.nema.org/resources/ontology/DCM", code: "110114", display: "User Authentication")
        event.subtype = [
            Coding(system: isREST ? "http://hl7.org/fhir/restful-interaction" : Self.interactionSystem, code: interaction.rawValue)
        ]
        event.action = action.rawValue
        event.recorded = FHIRInstant(milliseconds: recorded)
        event.outcome = String(outcome.rawValue)
        event.outcomeDesc = outcomeDescription

        let who: Reference
        if let actorID = agent.actorID, ["Patient", "RelatedPerson", "Organization"].contains(agent.actorType) {
            who = Reference("\(agent.actorType)/\(actorID)")
        } else {
            who = Reference(jsonObject: ["display": .string(agent.actorType)])
        }
        var person = AuditEvent.Agent(who: who, requestor: true)
        person.network = remoteAddress.map { AuditEvent.Network(address: $0, type: .ipAddress) }
        // The client is also named on the requestor, so a reader of one agent sees through which system it acted.
        person.altId = agent.clientID
        person.name = clientName
        var agents = [person]
        if let clientID = agent.clientID {
            var client = Reference(jsonObject: [:])
            client.identifier = Identifier(system: Self.clientIDSystem, value: clientID)
            client.display = clientName
            var software = AuditEvent.Agent(who: client, requestor: false)
            software.name = clientName
            agents.append(software)
        }
        event.agent = agents
        event.source = AuditEvent.Source(
            observer: Reference(jsonObject: ["display": "Zorgbrug"]),
            type: [Coding(system: "http://terminology.hl7.org/CodeSystem/security-source-type", code: "4", display: "Application Server")])

        var entities: [AuditEvent.Entity] = []
        if let resourceType {
            var what = resourceID.map { Reference("\(resourceType)/\($0)") } ?? Reference(jsonObject: [:])
            what.type = resourceType
            entities.append(AuditEvent.Entity(what: what))
        }
        if let patientID {
            entities.append(AuditEvent.Entity(
                what: Reference("Patient/\(patientID)"),
                type: Coding(system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "1", display: "Person"),
                role: Coding(system: "http://terminology.hl7.org/CodeSystem/object-role", code: "1", display: "Patient")))
        }
        let details = [("X-Request-Id", requestID), ("X-Correlation-Id", correlationID), ("X-Trace-Id", traceID)]
            .compactMap { name, value in value.map { AuditEvent.Entity.Detail(type: name, valueString: $0) } }
        if !details.isEmpty {
            entities.append(AuditEvent.Entity(
                type: Coding(system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "2", display: "System Object"),
                detail: details))
        }
        event.entity = entities
        return .object(event.json)
    }
}
