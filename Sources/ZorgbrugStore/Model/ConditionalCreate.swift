/// The `If-None-Exist` condition of a create: store only when no resource matches `query`.
///
/// See https://hl7.org/fhir/R4/http.html#ccreate. `criteriaKey` must be the normalised query string (same
/// parameters in the same order for the same meaning): identical creates racing each other are told apart
/// from different ones by it, through a unique index on (resource type, `criteriaKey`).
package struct ConditionalCreate: Sendable {
    /// The normalised `If-None-Exist` query string, e.g. `identifier=http://x|1`.
    package var criteriaKey: String
    /// The parsed query; its `resourceType` must be the created resource's type. Its `count` and `cursor` are
    /// ignored.
    package var query: SearchQuery

    /// A condition for a create.
    package init(criteriaKey: String, query: SearchQuery) {
        self.criteriaKey = criteriaKey
        self.query = query
    }
}
