import Testing

@testable import ZorgbrugCore

@Suite struct IdentityPrincipalTests {
    static let grant = GrantContext(grantID: "g1", patientID: "p1", actor: .relatedPerson("rp1"), organizationID: "org1")

    @Test func patientScopedPrincipalsCarryTheirGrant() {
        let pgo = Principal.pgo(clientID: "pgo-1", grant: Self.grant)
        #expect(pgo.clientID == "pgo-1")
        #expect(pgo.patientID == "p1")
        #expect(pgo.fhirUser == "RelatedPerson/rp1")
        #expect(pgo.organizationID == "org1")
        #expect(pgo.agentReference == AuditAgent(clientID: "pgo-1", actorType: "RelatedPerson", actorID: "rp1"))
        let cli = Principal.publicClient(clientID: "bp", grant: GrantContext(grantID: "g2", patientID: "p1", actor: .patient("p1"), organizationID: "org1"))
        #expect(cli.fhirUser == "Patient/p1")
        #expect(cli.agentReference.actorType == "Patient")
    }

    @Test func otherPrincipalsAreNotPatientScoped() {
        let provider = Principal.provider(clientID: "ehr", organizationID: "org1")
        #expect(provider.patientID == nil)
        #expect(provider.fhirUser == nil)
        #expect(provider.organizationID == "org1")
        #expect(provider.agentReference == AuditAgent(clientID: "ehr", actorType: "Organization", actorID: "org1"))
        #expect(Principal.pgoService(clientID: "pgo-1").patientID == nil)
        #expect(Principal.pgoService(clientID: "pgo-1").organizationID == nil)
        #expect(Principal.operator.clientID == nil)
        #expect(Principal.operator.agentReference.actorType == "operator")
    }

    @Test func actorReferencesRoundTrip() {
        #expect(ActorReference(resourceType: "Patient", id: "1") == .patient("1"))
        #expect(ActorReference(resourceType: "RelatedPerson", id: "2")?.reference == "RelatedPerson/2")
        #expect(ActorReference(resourceType: "Practitioner", id: "3") == nil)
    }

    @Test func lifetimes() {
        let standard = TokenLifetimes.standard
        #expect(standard.accessTokenSeconds == 900)
        #expect(standard.grantIdle == 180 * 86_400_000)
        #expect(standard.connectCode == 14 * 86_400_000)
    }
}
