/// One token search value (https://hl7.org/fhir/R4/search.html#token).
package struct TokenMatch: Sendable, Hashable {
    /// Which system the token must have.
    package var system: TokenSystem
    /// The code; `nil` for the `system|` form (any code in that system).
    package var code: String?

    /// A token value; `TokenMatch(system: .any, code: "ready")` is the plain `ready` form.
    package init(system: TokenSystem = .any, code: String?) {
        self.system = system
        self.code = code
    }
}

/// The system part of a token search value.
package enum TokenSystem: Sendable, Hashable {
    /// `code`: any system, or none.
    case any
    /// `|code`: the token must have no system.
    case none
    /// `system|code` or `system|`: exactly this system.
    case equals(String)
}
