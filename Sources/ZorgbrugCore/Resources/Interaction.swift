/// A FHIR RESTful interaction (https://hl7.org/fhir/R4/http.html), as named in CapabilityStatement.rest.resource.interaction.
package enum Interaction: String, Sendable, Hashable, CaseIterable {
    case read
    case vread
    case update
    case patch
    case delete
    case historyInstance = "history-instance"
    case historyType = "history-type"
    case create
    case searchType = "search-type"
}
