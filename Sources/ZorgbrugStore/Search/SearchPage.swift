/// One page of search results.
package struct SearchPage: Sendable {
    /// The matches on this page, in the query's sort order; current, non-deleted versions only.
    package var resources: [StoredResource]
    /// Where the next page starts; `nil` on the last page.
    package var next: SearchCursor?
    /// The number of matches over all pages, when the query asked for it (``SearchQuery/includeTotal``).
    package var total: Int?

    /// A page.
    package init(resources: [StoredResource], next: SearchCursor?, total: Int?) {
        self.resources = resources
        self.next = next
        self.total = total
    }
}
