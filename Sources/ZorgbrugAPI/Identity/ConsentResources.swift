import FHIR
import ZorgbrugCore
import ZorgbrugStore

/// Keeps every grant visible as a FHIR `Consent` (https://hl7.org/fhir/R4/consent.html) in the patient's
/// compartment: `active` while the grant works, `inactive` once it is revoked, lapsed or ended.
package enum ConsentResources {
    /// The Consent of a grant has the grant's id.
    package static func consentID(grantID: String) -> String { grantID }

    /// Stores the Consent for a new grant (inside the caller's transaction).
    static func create(for grant: GrantRecord, clientName: String, organizationName: String?, at now: Int64, writer: StoreWriter) throws {
        let consent = resource(for: grant, status: "active", clientName: clientName, at: now)
        guard let definition = ResourceCatalog.definition("Consent") else { return }
        _ = try writer.create(
            NewResource(
                type: "Consent", id: consentID(grantID: grant.grantID), json: consent,
                index: SearchIndexExtractor.entries(of: consent, definition: definition),
                patientId: grant.patientID, organizationId: grant.organizationID),
            ifNoneExist: nil)
    }

    /// Marks the grant's Consent `inactive` (no-op when it already is, or does not exist).
    static func deactivate(grantID: String, writer: StoreWriter) throws {
        let id = consentID(grantID: grantID)
        guard let current = try writer.current(type: "Consent", id: id), !current.isDeleted,
            current.json["status"]?.stringValue != "inactive", let definition = ResourceCatalog.definition("Consent")
        else { return }
        var json = current.json
        json["status"] = "inactive"
        _ = try writer.update(
            NewResource(
                type: "Consent", id: id, json: json, index: SearchIndexExtractor.entries(of: json, definition: definition),
                patientId: current.patientId, organizationId: current.organizationId),
            ifMatch: current.versionId)
    }

    static func resource(for grant: GrantRecord, status: String, clientName: String, at now: Int64) -> JSONObject {
        [
            "resourceType": "Consent",
            "id": .string(consentID(grantID: grant.grantID)),
            "status": .string(status),
            "scope": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"]]],
            "category": [["coding": [["system": "http://loinc.org", "code": "59284-0", "display": "Patient Consent"]]]],
            "patient": ["reference": .string("Patient/\(grant.patientID)")],
            "dateTime": .string(FHIRInstant.format(milliseconds: now)),
            "performer": [["reference": .string(grant.actor.reference)]],
            "organization": [["reference": .string("Organization/\(grant.organizationID)")]],
            "policyRule": ["text": "Langdurige toestemming (MedMij): vervalt na 180 dagen zonder gebruik; direct intrekbaar."],
            "provision": [
                "type": "permit",
                "actor": [[
                    "role": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP"]]],
                    "reference": ["reference": .string(grant.actor.reference), "display": .string(clientName)],
                ]],
            ],
            "identifier": [["system": "http://zorgbrug.nl/fhir/NamingSystem/grant", "value": .string(grant.grantID)]],
        ]
    }
}
