/// The WGBO (Dutch medical treatment act) rules for who may act on a patient's data, by the patient's age.
///
/// | patient's age | the patient | parent / guardian | caregiver chosen by the patient |
/// |---|---|---|---|
/// | under 12 | refused | allowed | refused |
/// | 12 to 15 | allowed | allowed | refused |
/// | 16 and older | allowed | refused (from the 16th birthday) | allowed |
/// | birth date unknown | allowed | refused | refused |
///
/// Decisions, documented in docs/SECURITY.md:
/// - A child under 12 cannot hold their own grant: the WGBO lets the parent act, and a young child cannot weigh
///   a long-term consent. The provider can issue a code again once the child is 12.
/// - A parent's or guardian's authority ends ON the 16th birthday (Dutch civil day). A 29 February birthday
///   falls on 28 February in common years, so it never ends later than the law requires.
/// - A partial birth date (`2010`, `2010-05`) is read to fail closed: a parent's authority ends on the
///   earliest possible 16th birthday, a child's own access starts on the latest possible 12th birthday.
/// - An unknown birth date refuses parents (we cannot know the child is under 16) and caregivers (we cannot
///   know the patient is 16), but not the patient themself, whom the provider identified when issuing the code.
package enum DelegationRule {
    /// From this age a patient may hold their own grant.
    package static let ownAccessAge = 12
    /// From this age (the birthday itself included) only the patient decides: parental authority ends.
    package static let ageOfMedicalConsent = 16

    /// Whether `party` may act for a patient born on `birthDate` on `today` (a Dutch civil day).
    package static func mayAct(_ party: ActingParty, birthDate: BirthDate?, today: CalendarDay) -> DelegationDecision {
        switch party {
        case .patient:
            guard let birthDate else { return .allowed(until: nil) }
            return today >= birthDate.certainlyAged(ownAccessAge) ? .allowed(until: nil) : .refused(.patientTooYoung)
        case .relatedPerson(let relationship) where relationship.isLegalRepresentative:
            guard let birthDate else { return .refused(.birthDateUnknown) }
            let end = birthDate.possiblyAged(ageOfMedicalConsent)
            return today < end ? .allowed(until: end) : .refused(.patientOfAge)
        case .relatedPerson:
            guard let birthDate else { return .refused(.birthDateUnknown) }
            return today >= birthDate.certainlyAged(ageOfMedicalConsent)
                ? .allowed(until: nil) : .refused(.patientTooYoungToDelegate)
        }
    }
}

/// The outcome of ``DelegationRule/mayAct(_:birthDate:today:)``.
package enum DelegationDecision: Sendable, Hashable {
    /// The party may act. `until` is the first day it no longer may (the 16th birthday for a parent; use it as
    /// `Consent.provision.period.end`), `nil` when no age rule ends it.
    case allowed(until: CalendarDay?)
    /// The party may not act.
    case refused(DelegationRefusal)

    /// `true` for ``allowed(until:)``.
    package var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}

/// Why the WGBO rules refuse a party.
package enum DelegationRefusal: String, Sendable, Hashable, CaseIterable {
    /// The patient is under 12 and cannot hold their own grant.
    case patientTooYoung = "consent-patient-too-young"
    /// The patient is 16 or older: a parent's or guardian's grant has ended.
    case patientOfAge = "consent-patient-of-age"
    /// The patient is under 16 and cannot delegate to a caregiver themself.
    case patientTooYoungToDelegate = "consent-delegation-too-young"
    /// The patient's birth date is unknown, so no representative's authority can be established.
    case birthDateUnknown = "consent-birthdate-unknown"

    /// Stable error-catalog code (the raw value).
    package var code: String { rawValue }
}
