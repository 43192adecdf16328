/// One page of a history listing (https://hl7.org/fhir/R4/http.html#history).
package struct HistoryPage: Sendable {
    /// Versions, newest first, deletions included (``StoredResource/isDeleted``).
    package var versions: [StoredResource]
    /// Where the next page starts; `nil` on the last page.
    package var next: HistoryCursor?

    /// A page.
    package init(versions: [StoredResource], next: HistoryCursor?) {
        self.versions = versions
        self.next = next
    }
}
