import Credentials
import FHIR
import Foundation
import ZorgbrugCore
import ZorgbrugStore

extension IdentityService {
    /// A registered client with its secret, which is shown once and never stored in the clear.
    package struct RegisteredClient: Sendable {
        package var client: ClientRecord
        /// The client secret (confidential clients registered without keys); `nil` otherwise.
        package var secret: String?
    }

    /// Creates an Organization resource (the provider as patients see it: its own name, never its IT vendor's).
    package func createOrganization(name: String, identifier: (system: String, value: String)?, newID: String) async throws -> StoredResource {
        let trimmed = name.trimmingCharacters(in: " \t\n")
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw ZorgbrugError(.resourceInvalid, arguments: ["problem": "the organization needs a display name of 1 to 200 characters"])
        }
        var organization: JSONObject = ["resourceType": "Organization", "id": .string(newID), "active": true, "name": .string(trimmed)]
        if let identifier {
            organization["identifier"] = [["system": .string(identifier.system), "value": .string(identifier.value)]]
        }
        guard let definition = ResourceCatalog.definition("Organization") else { throw ZorgbrugError(.internalError) }
        let prepared = organization
        return try await store.write { writer in
            guard case .created(let stored) = try writer.create(
                NewResource(type: "Organization", id: newID, json: prepared, index: SearchIndexExtractor.entries(of: prepared, definition: definition),
                            patientId: nil, organizationId: newID),
                ifNoneExist: nil)
            else { throw ZorgbrugError(.internalError) }
            return stored
        }
    }

    /// Registers a client. Provider clients belong to an existing Organization. Confidential clients get a
    /// generated secret unless `jwks` (for `private_key_jwt`) is given; public clients get neither.
    package func registerClient(
        kind: ClientKind, displayName: String, organizationID: String?, jwks: String?, clientID: String
    ) async throws -> RegisteredClient {
        let now = clock()
        guard Self.isValidClientID(clientID) else {
            throw ZorgbrugError(.resourceInvalid, arguments: ["problem": "a client id is 1 to 128 printable ASCII characters without spaces"])
        }
        if kind == .provider, organizationID == nil {
            throw ZorgbrugError(.resourceInvalid, arguments: ["problem": "a provider client needs --organization"])
        }
        if let jwks {
            do { _ = try JWKSValidation.validate(jwks) } catch {
                throw ZorgbrugError(.resourceInvalid, arguments: ["problem": "JWKS: \(error.message)"])
            }
        }
        let secret = (kind == .public || jwks != nil) ? nil : generator.clientSecret()
        let client = ClientRecord(
            clientID: clientID, kind: kind, organizationID: organizationID, displayName: displayName,
            secretHash: secret.map(SecretHasher.tokenHash), jwks: jwks, createdAt: now, updatedAt: now)
        try await store.write { writer in
            if let organizationID {
                guard let organization = try writer.current(type: "Organization", id: organizationID), !organization.isDeleted else {
                    throw ZorgbrugError(.referenceNotFound, arguments: ["reference": "Organization/\(organizationID)"])
                }
            }
            try writer.identity.createClient(client)
        }
        return RegisteredClient(client: client, secret: secret)
    }

    /// `true` for a usable client id: 1 to 128 printable ASCII characters, no spaces or control characters (so an id
    /// cannot be cut short by a NUL on its way to SQLite, or smuggle anything into logs and audit records).
    package static func isValidClientID(_ clientID: String) -> Bool {
        !clientID.isEmpty && clientID.utf8.count <= 128 && clientID.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// Replaces a confidential client's secret (the old one stops working at once); returns the new secret.
    package func rotateSecret(clientID: String) async throws -> String {
        let secret = generator.clientSecret()
        let now = clock()
        try await store.write { writer in
            guard let client = try writer.identity.client(id: clientID), client.kind != .public else {
                throw ZorgbrugError(.resourceNotFound, arguments: ["type": "client", "id": clientID])
            }
            try writer.identity.rotateSecret(clientID: clientID, newSecretHash: SecretHasher.tokenHash(secret), at: now)
        }
        return secret
    }

    /// Disables a client: its tokens stop working at once, and it can get no new ones.
    package func disableClient(clientID: String) async throws {
        let now = clock()
        try await store.write { writer in
            guard try writer.identity.client(id: clientID) != nil else {
                throw ZorgbrugError(.resourceNotFound, arguments: ["type": "client", "id": clientID])
            }
            try writer.identity.disableClient(id: clientID, at: now)
        }
    }

    /// Every registered client.
    package func listClients() async throws -> [ClientRecord] {
        try await store.read { reader in try reader.identity.listClients() }
    }
}
