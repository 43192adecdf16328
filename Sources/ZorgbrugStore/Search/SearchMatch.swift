/// What a parameter's indexed values must match. Lists are ORs: any one value matching is enough
/// (https://hl7.org/fhir/R4/search.html#combining). An empty list matches nothing (or, for `tokenNot`,
/// everything).
package enum SearchMatch: Sendable {
    /// Tokens (`code`, `system|code`, `|code`, `system|`).
    case token([TokenMatch])
    /// The `:not` modifier: resources with no token matching any of these, including resources without any
    /// value for the parameter.
    case tokenNot([TokenMatch])
    /// Strings, already normalised by the caller exactly as the indexer normalised them.
    case string([String], mode: StringMatchMode)
    /// References to these resources.
    case reference([(type: String, id: String)])
    /// Dates: resources with a value for which one of these bounds holds.
    case date([DateBound])
    /// URIs (exact match).
    case uri([String])
    /// `:missing=true` (the resource has no value for the parameter) or `:missing=false` (it has one).
    case missing(Bool)
}
