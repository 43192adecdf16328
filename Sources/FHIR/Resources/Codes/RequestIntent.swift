/// The intent of a request (ServiceRequest).
///
/// A required binding: codes outside this set are invalid. See [the value
/// set](https://hl7.org/fhir/R4/valueset-request-intent.html).
public enum RequestIntent: String, Sendable, Hashable, CaseIterable, Codable {
    /// `proposal`.
    case proposal = "proposal"
    /// `plan`.
    case plan = "plan"
    /// `directive`.
    case directive = "directive"
    /// `order`.
    case order = "order"
    /// `original-order`.
    case originalOrder = "original-order"
    /// `reflex-order`.
    case reflexOrder = "reflex-order"
    /// `filler-order`.
    case fillerOrder = "filler-order"
    /// `instance-order`.
    case instanceOrder = "instance-order"
    /// `option`.
    case option = "option"
}
