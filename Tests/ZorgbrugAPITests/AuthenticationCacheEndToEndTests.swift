import FHIR
import Foundation
import Testing
import ZorgbrugClient
import ZorgbrugCore
@testable import ZorgbrugStore

/// Remembered authentications never outlive what they rest on: changes made by another process on the same
/// database (what `zorgbrug admin` does) stop a token on the very next request, and the grant's hourly
/// `lastUsedAt` touch still happens.
@Suite("Authentication cache, end to end")
struct AuthenticationCacheEndToEndTests {
    /// A second store on the server's database file: another process, as far as the server can tell.
    func otherProcess(_ server: TestServer) throws -> ResourceStore {
        try ResourceStore(path: server.directory + "/test.sqlite", durability: .normal, clock: server.clock.closure)
    }

    @Test("a client disabled by another process is refused on the next request")
    func disabledElsewhere() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            for _ in 0..<3 {
                #expect(try await world.providerA.read(type: "Patient", id: world.patientA).status == 200)
            }
            let other = try otherProcess(server)
            try other.writeSync { writer in try writer.identity.disableClient(id: "provider-a", at: server.clock.now) }
            let refused = try await world.providerA.read(type: "Patient", id: world.patientA)
            #expect(refused.status == 401)
            #expect(try await world.providerB.read(type: "Patient", id: world.patientB).status == 200)
        }
    }

    @Test("a grant revoked by another process is refused on the next request")
    func revokedElsewhere() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA).status == 200)
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA).status == 200)
            let other = try otherProcess(server)
            let grantID = try #require(try other.readSync { try $0.identity.grants(patientID: world.patientA).first?.grantID })
            try other.writeSync { writer in
                _ = try writer.identity.revokeGrant(id: grantID, by: .operator, reason: "test", at: server.clock.now)
                _ = try writer.identity.revokeTokens(grantID: grantID, at: server.clock.now)
            }
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA).status == 401)
        }
    }

    @Test("a patient's new birth date applies at once: a parent's token stops when the child turns out to be 16")
    func birthDateChange() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            // A 10-year-old with a parent's grant.
            let (child, parentPerson) = try await DelegationTests().child(world, birthDate: "2016-05-05")
            let code = try await World.connectCode(world.providerA, patient: child, relatedPerson: parentPerson)
            let parent = try await World.redeem(server, code: code, clientID: "pgo", secret: world.pgoSecret)
            let parentClient = server.client(token: parent.access)
            #expect(try await parentClient.read(type: "Patient", id: child).status == 200)
            #expect(try await parentClient.read(type: "Patient", id: child).status == 200)
            // The provider corrects the birth date: the patient is 17 and decides alone.
            let current = try await world.providerA.read(type: "Patient", id: child)
            var patient = try #require(current.resource)
            patient["birthDate"] = "2009-01-01"
            let updated = try await world.providerA.update(
                type: "Patient", id: child, resource: patient, ifMatch: current.headers["ETag"])
            #expect(updated.status == 200, "\(updated.text)")
            let refused = try await parentClient.read(type: "Patient", id: child)
            #expect(refused.status == 403, "\(refused.text)")
            #expect(refused.text.contains("delegation-ended"))
        }
    }

    @Test("a grant in use is still touched every hour while its token is remembered")
    func touch() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            func lastUsedAt() throws -> Int64? {
                try server.store.readSync { try $0.identity.grants(patientID: world.patientA).first?.lastUsedAt }
            }
            let grantID = try #require(try server.store.readSync { try $0.identity.grants(patientID: world.patientA).first?.grantID })
            // Last used 59 minutes ago: the next touch is due in one minute.
            let earlier = server.clock.now - 59 * 60_000
            try server.store.writeSync { writer in
                try writer.execute(sql: #"UPDATE "grant" SET "lastUsedAt" = ? WHERE "grantId" = ?"#, arguments: [earlier, grantID])
            }
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA).status == 200)
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA).status == 200)
            #expect(try lastUsedAt() == earlier)
            server.clock.advance(milliseconds: 2 * 60_000)
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA).status == 200)
            #expect(try lastUsedAt() == server.clock.now)
        }
    }
}
