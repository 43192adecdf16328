/// How a string search value is compared (https://hl7.org/fhir/R4/search.html#string).
package enum StringMatchMode: Sendable, Hashable {
    /// The default: the indexed value starts with the search value.
    case prefix
    /// `:exact`: the indexed value equals the search value.
    case exact
    /// `:contains`: the indexed value contains the search value anywhere. Not index-driven.
    case contains
}
