import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct IdentityPrincipalMappingTests {
    typealias T = IdentityTestDatabase

    @Test func patientScopedTokensBecomeGrantPrincipals() {
        let token = T.accessToken("a1")
        let grant = GrantContext(grantID: "g1", patientID: "p1", actor: .patient("p1"), organizationID: "org-1")
        #expect(token.principal(for: T.client("pgo-1")) == .pgo(clientID: "pgo-1", grant: grant))
        #expect(T.accessToken("a1", client: "bp").principal(for: T.client("bp", kind: .public)) == .publicClient(clientID: "bp", grant: grant))
        #expect(T.accessToken("a1", client: "ehr").principal(for: T.client("ehr", kind: .provider)) == nil)
    }

    @Test func clientTokensBecomeProviderOrServicePrincipals() {
        var provider = T.accessToken("a2", grant: nil, client: "ehr")
        #expect(provider.principal(for: T.client("ehr", kind: .provider)) == .provider(clientID: "ehr", organizationID: "org-1"))
        provider.organizationID = "org-2"
        #expect(provider.principal(for: T.client("ehr", kind: .provider)) == nil)
        var noOrganization = T.client("ehr", kind: .provider)
        noOrganization.organizationID = nil
        #expect(T.accessToken("a2", grant: nil, client: "ehr").principal(for: noOrganization) == nil)
        #expect(T.accessToken("a3", grant: nil).principal(for: T.client("pgo-1")) == .pgoService(clientID: "pgo-1"))
        #expect(T.accessToken("a4", grant: nil, client: "bp").principal(for: T.client("bp", kind: .public)) == nil)
    }

    @Test func aTokenOfAnotherClientOrAHalfGrantIsRefused() {
        #expect(T.accessToken("a1").principal(for: T.client("pgo-2")) == nil)
        var half = T.accessToken("a1")
        half.actor = nil
        #expect(half.principal(for: T.client("pgo-1")) == nil)
    }
}
