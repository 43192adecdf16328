import ZorgbrugCore

extension AccessTokenRecord {
    /// The principal this token authenticates, given its (active) client; `nil` when the token does not fit the
    /// client (another client's token, a provider without an Organization, a public client without a grant):
    /// treat `nil` as an invalid token.
    ///
    /// This does not check expiry, revocation, the client's status or the grant's status: do that first
    /// (``isUsable(at:)``, ``ClientRecord/status``, the grant's ``GrantLifecycle``).
    package func principal(for client: ClientRecord) -> Principal? {
        guard client.clientID == clientID else { return nil }
        if let grantID, let patientID, let actor, let organizationID {
            let grant = GrantContext(grantID: grantID, patientID: patientID, actor: actor, organizationID: organizationID)
            switch client.kind {
            case .pgo: return .pgo(clientID: clientID, grant: grant)
            case .public: return .publicClient(clientID: clientID, grant: grant)
            case .provider: return nil
            }
        }
        guard grantID == nil else { return nil }
        switch client.kind {
        case .provider:
            guard let organization = client.organizationID, organizationID == nil || organizationID == organization else { return nil }
            return .provider(clientID: clientID, organizationID: organization)
        case .pgo: return .pgoService(clientID: clientID)
        case .public: return nil
        }
    }
}
