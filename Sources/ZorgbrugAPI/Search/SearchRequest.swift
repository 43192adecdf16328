import ZorgbrugCore
import ZorgbrugStore

/// A parsed FHIR search: the store query plus the result-shaping parameters (`_include`, `_revinclude`,
/// `_summary`) and the parameters to echo in `self` and `next` links.
package struct SearchRequest: Sendable {
    /// The query the store runs (conditions, paging, sort). Its scope is set by the caller's access.
    package var query: SearchQuery
    /// `_include` targets as (source type, reference parameter), already checked against the catalog.
    package var includes: [(sourceType: String, parameter: String)]
    /// `_revinclude` sources as (source type, reference parameter).
    package var revIncludes: [(sourceType: String, parameter: String)]
    /// `_summary=count`: only the total.
    package var summaryCount: Bool
    /// The search parameters as received (without `_cursor`), for links.
    package var echo: [(name: String, value: String)]
}
