/// How a RelatedPerson comes to act for a patient. Stored as its raw value in `grant.relationship`.
///
/// - `parent` and `guardian` are legal representatives: the provider identified them and issued their connect
///   code (`$connect-code` for a RelatedPerson). Their authority follows the WGBO age rules.
/// - `caregiver` is anyone the patient chose themself (`$delegate`), including a parent whom a patient of 16 or
///   older grants access again. It rests on the patient's own decision, so it needs a patient of 16 or older.
package enum DelegateRelationship: String, Sendable, Hashable, CaseIterable {
    case parent
    case guardian
    case caregiver

    /// `true` for the legal representatives whose authority ends at 16.
    package var isLegalRepresentative: Bool { self != .caregiver }
}
