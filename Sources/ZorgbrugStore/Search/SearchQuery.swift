/// A search over one resource type: conditions (AND), `_lastUpdated` bounds (AND), sort, page size, keyset
/// cursor and access scope. See https://hl7.org/fhir/R4/search.html.
///
/// Only current, non-deleted versions match.
package struct SearchQuery: Sendable {
    /// The resource type searched, e.g. `Task`.
    package var resourceType: String
    /// Conditions that must all hold.
    package var conditions: [SearchCondition]
    /// `_lastUpdated` bounds that must all hold (the resource's `lastUpdated` is the instant range `[t, t+1)`).
    package var lastUpdated: [DateBound]
    /// The result order.
    package var sort: SearchSort
    /// The page size (`_count`); negative values count as 0. The caller enforces any maximum.
    package var count: Int
    /// Where the page starts (from a previous page's ``SearchPage/next``); `nil` for the first page. A cursor
    /// must be used with the same query it came from.
    package var cursor: SearchCursor?
    /// What the reader may see.
    package var scope: AccessScope
    /// Whether to compute ``SearchPage/total`` (one extra counting query).
    package var includeTotal: Bool
    /// The patient every resource matching ``conditions`` belongs to (its `patientId`), when a condition says so:
    /// a reference to one Patient on the type's patient-compartment parameter, from which the store takes
    /// `patientId` when it writes the resource. Token conditions then use the index clustered by patient (one
    /// patient's `status=ready` rows side by side) instead of one page per resource. `nil` when not known; never
    /// set it from anything weaker, or matches go missing.
    package var patientOfMatches: String?

    /// A query; by default the first page of 50, oldest first, without total. The scope has no default, so that
    /// every caller decides what the reader may see.
    package init(
        resourceType: String, scope: AccessScope, conditions: [SearchCondition] = [], lastUpdated: [DateBound] = [],
        sort: SearchSort = .lastUpdatedAscending, count: Int = 50, cursor: SearchCursor? = nil,
        includeTotal: Bool = false
    ) {
        self.resourceType = resourceType
        self.conditions = conditions
        self.lastUpdated = lastUpdated
        self.sort = sort
        self.count = count
        self.cursor = cursor
        self.scope = scope
        self.includeTotal = includeTotal
    }
}
