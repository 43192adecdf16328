/// The order of search results. Ties on `lastUpdated` are broken by id, in the same direction, so the order is
/// total and keyset paging is exact.
package enum SearchSort: Sendable, Hashable {
    /// `_sort=_lastUpdated`: oldest first (the default).
    case lastUpdatedAscending
    /// `_sort=-_lastUpdated`: newest first.
    case lastUpdatedDescending
}
