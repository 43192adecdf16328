/// One value a resource is findable by, as extracted from its JSON for one search parameter.
///
/// The store keeps these rows beside the resource's current version (never for old versions or deleted ones),
/// so searches are index lookups rather than JSON scans. See https://hl7.org/fhir/R4/search.html.
package struct SearchIndexEntry: Sendable, Hashable {
    /// The search parameter's name as used on the wire, e.g. `status`, `patient`, `identifier`.
    package var parameter: String
    /// The indexed value.
    package var value: SearchValue

    package init(parameter: String, value: SearchValue) {
        self.parameter = parameter
        self.value = value
    }
}

/// An indexed value, by FHIR search parameter type.
package enum SearchValue: Sendable, Hashable {
    /// A `token`: a code with an optional system (`Coding`, `Identifier`, `code`, `boolean`).
    /// `system == nil` means the element had no system.
    case token(system: String?, code: String)
    /// A `string`, already normalised for matching (lowercased, diacritics removed, whitespace collapsed).
    case string(String)
    /// A `reference` to a resource on this server, by type and id.
    case reference(type: String, id: String)
    /// A `date`: the half-open range `[low, high)` of UTC epoch milliseconds the value covers
    /// (`2026-11` covers the whole month).
    case date(low: Int64, high: Int64)
    /// A `uri` (also canonicals, without their `|version`).
    case uri(String)
}
