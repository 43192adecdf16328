import GRDB
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct IdentityClientTests {
    typealias T = IdentityTestDatabase

    @Test func createReadListAndRefuseDuplicates() throws {
        let db = try T.queue()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.createClient(T.client("pgo-1"))
            try repository.createClient(T.client("ehr", kind: .provider))
            #expect(throws: IdentityStoreError.duplicate(table: "client", key: "pgo-1")) {
                try repository.createClient(T.client("pgo-1", kind: .public))
            }
            #expect(try repository.client(id: "pgo-1") == T.client("pgo-1"))
            #expect(try repository.client(id: "missing") == nil)
            #expect(try repository.listClients().map(\.clientID) == ["ehr", "pgo-1"])
            #expect(try repository.client(id: "ehr")?.organizationID == "org-1")
        }
    }

    @Test func disableRevokesTheClientsAccessTokens() throws {
        let db = try T.queue()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.createClient(T.client("ehr", kind: .provider))
            try repository.storeAccessToken(T.accessToken("t1", grant: nil, client: "ehr"))
            try repository.disableClient(id: "ehr", at: 2000)
            let client = try #require(try repository.client(id: "ehr"))
            #expect(client.status == .disabled)
            #expect(client.updatedAt == 2000)
            #expect(try repository.accessToken(hash: "t1")?.revokedAt == 2000)
            #expect(throws: IdentityStoreError.notFound(table: "client", key: "nope")) {
                try repository.disableClient(id: "nope", at: 1)
            }
        }
    }

    @Test func rotateSecretAndReplaceJWKS() throws {
        let db = try T.queue()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.createClient(T.client("ehr", kind: .provider))
            try repository.rotateSecret(clientID: "ehr", newSecretHash: "new-hash", at: 50)
            try repository.replaceJWKS(clientID: "ehr", jwks: #"{"keys":[]}"#, at: 60)
            let client = try #require(try repository.client(id: "ehr"))
            #expect(client.secretHash == "new-hash")
            #expect(client.jwks == #"{"keys":[]}"#)
            #expect(client.updatedAt == 60)
            #expect(throws: IdentityStoreError.notFound(table: "client", key: "x")) {
                try repository.rotateSecret(clientID: "x", newSecretHash: "h", at: 1)
            }
            #expect(throws: IdentityStoreError.notFound(table: "client", key: "x")) {
                try repository.replaceJWKS(clientID: "x", jwks: "{}", at: 1)
            }
        }
    }

    @Test func unknownStoredValuesAreReportedNotCrashed() throws {
        let db = try T.queue()
        try db.write { db in
            try IdentityRepository(db).createClient(T.client("pgo-1"))
            try db.execute(sql: #"PRAGMA ignore_check_constraints = ON"#)
            try db.execute(sql: #"UPDATE "client" SET "kind" = 'robot' WHERE "clientId" = 'pgo-1'"#)
            #expect(throws: IdentityStoreError.invalidStoredValue(table: "client", column: "kind", value: "robot")) {
                try IdentityRepository(db).client(id: "pgo-1")
            }
        }
    }

    @Test func migrationNamesAreStable() throws {
        let db = try T.queue()
        let applied = try db.read { db in try DatabaseMigrator().appliedIdentifiers(db) }
        #expect(applied == Set(IdentitySchema.migrationNames))
        #expect(IdentitySchema.migrationNames.allSatisfy { $0.hasPrefix("identity-") })
    }
}
