/// Administrative gender of a person.
///
/// A required binding: codes outside this set are invalid. See [the value
/// set](https://hl7.org/fhir/R4/valueset-administrative-gender.html).
public enum AdministrativeGender: String, Sendable, Hashable, CaseIterable, Codable {
    /// `male`.
    case male = "male"
    /// `female`.
    case female = "female"
    /// `other`.
    case other = "other"
    /// `unknown`.
    case unknown = "unknown"
}
