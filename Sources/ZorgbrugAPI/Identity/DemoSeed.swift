import FHIR
import Foundation
import ZorgbrugCore
import ZorgbrugStore

/// `zorgbrug serve --demo`: a demo organization, a provider client, a PGO client, the `bp` public client and a
/// patient with a fresh connect code, so a newcomer can try the whole flow in a minute.
package struct DemoSeed: Sendable {
    package var organizationID: String
    package var patientID: String
    package var providerClientID: String
    package var providerSecret: String
    package var pgoClientID: String
    package var pgoSecret: String
    package var publicClientID: String
    package var connectCode: String

    /// Seeds the demo data and returns what was made (secrets included: shown once).
    package static func run(identity: IdentityService, store: ResourceStore) async throws -> DemoSeed {
        let organization = try await identity.createOrganization(
            name: "Huisartsenpraktijk De Linde (demo)", identifier: nil, newID: ResourceID.randomUUID())
        let provider = try await identity.registerClient(
            kind: .provider, displayName: "De Linde ECD (demo)", organizationID: organization.id, jwks: nil,
            clientID: "demo-provider-\(organization.id.prefix(8))")
        let pgo = try await identity.registerClient(
            kind: .pgo, displayName: "Demo PGO", organizationID: nil, jwks: nil, clientID: "demo-pgo-\(organization.id.prefix(8))")
        let publicClient = try await identity.registerClient(
            kind: .public, displayName: "bp (command line)", organizationID: nil, jwks: nil, clientID: "bp-\(organization.id.prefix(8))")
        let patientID = ResourceID.randomUUID()
        let patient: JSONObject = [
            "resourceType": "Patient", "id": .string(patientID),
            "name": [["family": "Jansen", "given": ["Anna"]]],
            "birthDate": "1968-04-12", "gender": "female",
            "managingOrganization": ["reference": .string("Organization/\(organization.id)")],
        ]
        guard let definition = ResourceCatalog.definition("Patient") else { throw ZorgbrugError(.internalError) }
        try await store.write { writer in
            _ = try writer.create(
                NewResource(type: "Patient", id: patientID, json: patient, index: SearchIndexExtractor.entries(of: patient, definition: definition),
                            patientId: patientID, organizationId: organization.id),
                ifNoneExist: nil)
        }
        let caller = Caller(clientID: provider.client.clientID, kind: .provider(organizationID: organization.id))
        let code = try await identity.issueConnectCode(
            patientID: patientID, relatedPersonID: nil, validDays: nil, caller: caller, trace: TraceIDs(requestID: "demo-seed"))
        return DemoSeed(
            organizationID: organization.id, patientID: patientID, providerClientID: provider.client.clientID,
            providerSecret: provider.secret ?? "", pgoClientID: pgo.client.clientID, pgoSecret: pgo.secret ?? "",
            publicClientID: publicClient.client.clientID, connectCode: code.code)
    }

    /// How to try the demo, as shell lines for `base` (e.g. `http://127.0.0.1:8080`).
    package func instructions(baseURL base: String) -> String {
        """

        Demo data (shown once):
          Organization/\(organizationID)   Patient/\(patientID) (Anna Jansen)
          provider client  \(providerClientID) / \(providerSecret)
          PGO client       \(pgoClientID) / \(pgoSecret)
          bp (public)      \(publicClientID)
          connect code     \(connectCode)   (single use, 14 days)

        Try it:
          # 1. The provider system gets a token and lists its patients:
          TOKEN=$(curl -s -u '\(providerClientID):\(providerSecret)' -d grant_type=client_credentials \(base)/oauth/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
          curl -s -H "Authorization: Bearer $TOKEN" '\(base)/fhir/Patient'
          # 2. The PGO redeems the patient's connect code for a patient token:
          curl -s -u '\(pgoClientID):\(pgoSecret)' -d grant_type=urn:zorgbrug:grant-type:connect-code -d code=\(connectCode) \(base)/oauth/token
          # 3. Who looked at Anna's data:
          curl -s -H "Authorization: Bearer $TOKEN" '\(base)/fhir/AuditEvent?patient=\(patientID)'
          # The connect code is single use: step 2 spends it. The patient CLI `bp` (public client \(publicClientID),
          # not shipped yet) will take a fresh code the same way: bp connect CODE --server \(base)

        """
    }
}
