import JWTKit

/// The claims of a client assertion, decoded leniently so that each missing claim gets its own error code.
struct AssertionClaims: JWTPayload, Equatable {
    var iss: String?
    var sub: String?
    var aud: [String]
    var exp: Double?
    var iat: Double?
    var nbf: Double?
    var jti: String?

    enum CodingKeys: String, CodingKey { case iss, sub, aud, exp, iat, nbf, jti }

    init(iss: String?, sub: String?, aud: [String], exp: Double?, iat: Double?, nbf: Double?, jti: String?) {
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.exp = exp
        self.iat = iat
        self.nbf = nbf
        self.jti = jti
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decodeIfPresent(String.self, forKey: .iss)
        sub = try container.decodeIfPresent(String.self, forKey: .sub)
        if let single = try? container.decodeIfPresent(String.self, forKey: .aud) {
            aud = [single]
        } else {
            aud = try container.decodeIfPresent([String].self, forKey: .aud) ?? []
        }
        exp = try container.decodeIfPresent(Double.self, forKey: .exp)
        iat = try container.decodeIfPresent(Double.self, forKey: .iat)
        nbf = try container.decodeIfPresent(Double.self, forKey: .nbf)
        jti = try container.decodeIfPresent(String.self, forKey: .jti)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(iss, forKey: .iss)
        try container.encodeIfPresent(sub, forKey: .sub)
        if aud.count == 1 {
            try container.encode(aud[0], forKey: .aud)
        } else if !aud.isEmpty {
            try container.encode(aud, forKey: .aud)
        }
        try container.encodeIfPresent(exp, forKey: .exp)
        try container.encodeIfPresent(iat, forKey: .iat)
        try container.encodeIfPresent(nbf, forKey: .nbf)
        try container.encodeIfPresent(jti, forKey: .jti)
    }

    /// Claim checks are done by ``ClientAssertionVerifier`` against the injected clock, not here.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
