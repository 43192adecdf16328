/// How long credentials live, in milliseconds. The defaults are Zorgbrug's policy; see docs/SECURITY.md.
package struct TokenLifetimes: Sendable, Hashable {
    /// Access tokens: 15 minutes.
    package var accessToken: Int64
    /// Refresh tokens and grants: 180 days sliding. A grant unused this long lapses; each use restarts it.
    package var grantIdle: Int64
    /// Connect codes: 14 days by default (configurable per deployment).
    package var connectCode: Int64

    package static let minute: Int64 = 60_000
    package static let day: Int64 = 86_400_000

    /// The defaults: 15 minutes, 180 days, 14 days.
    package static let standard = TokenLifetimes(accessToken: 15 * minute, grantIdle: 180 * day, connectCode: 14 * day)

    package init(accessToken: Int64, grantIdle: Int64, connectCode: Int64) {
        self.accessToken = accessToken
        self.grantIdle = grantIdle
        self.connectCode = connectCode
    }

    /// Access-token lifetime in whole seconds, for the `expires_in` of a token response.
    package var accessTokenSeconds: Int { Int(accessToken / 1000) }
}
