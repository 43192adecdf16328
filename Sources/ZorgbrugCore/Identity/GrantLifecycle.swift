/// The long-term consent ("langdurige toestemming") as a state machine: active → lapsed | revoked | ended.
///
/// Pure: each transition returns a ``GrantTransition`` saying whether the request may go on and what the owner
/// must persist. Nothing here reads a clock; callers pass `now` (UTC epoch ms) and `today` (Dutch civil day,
/// ``CalendarDay/init(epochMilliseconds:)``). Lapsed, revoked and ended are final: the patient needs a new
/// connect code.
package struct GrantLifecycle: Sendable, Hashable {
    /// Current status.
    package var status: GrantStatus
    /// Last use (token issued or refreshed), UTC epoch ms; the creation time before the first use.
    package var lastUsedAt: Int64
    /// Who acts on this grant.
    package var party: ActingParty
    /// How long the grant may go unused before it lapses.
    package var idleLimit: Int64

    package init(status: GrantStatus, lastUsedAt: Int64, party: ActingParty, idleLimit: Int64 = TokenLifetimes.standard.grantIdle) {
        self.status = status
        self.lastUsedAt = lastUsedAt
        self.party = party
        self.idleLimit = idleLimit
    }

    /// Checks, without using it, whether the grant may be used now: not revoked, not idle for ``idleLimit``
    /// or longer, and allowed by ``DelegationRule`` for the patient's birth date.
    ///
    /// When it lapses or ends now, the transition's ``GrantTransition/statusChanged`` is `true`: persist the new
    /// status and revoke the grant's tokens.
    package func evaluate(at now: Int64, today: CalendarDay, birthDate: BirthDate?) -> GrantTransition {
        switch status {
        case .lapsed: return GrantTransition(lifecycle: self, refusal: .lapsed, statusChanged: false)
        case .ended(let reason): return GrantTransition(lifecycle: self, refusal: .ended(reason), statusChanged: false)
        case .revoked(let by, _): return GrantTransition(lifecycle: self, refusal: .revoked(by), statusChanged: false)
        case .active: break
        }
        if now - lastUsedAt >= idleLimit {
            var next = self
            next.status = .lapsed
            return GrantTransition(lifecycle: next, refusal: .lapsed, statusChanged: true)
        }
        if case .refused(let reason) = DelegationRule.mayAct(party, birthDate: birthDate, today: today) {
            var next = self
            next.status = .ended(reason)
            return GrantTransition(lifecycle: next, refusal: .ended(reason), statusChanged: true)
        }
        return GrantTransition(lifecycle: self, refusal: nil, statusChanged: false)
    }

    /// Uses the grant (a token issued from it, a refresh): ``evaluate(at:today:birthDate:)``, and when usable,
    /// moves ``lastUsedAt`` to `now` (persist it with the store's `touchGrant`).
    package func use(at now: Int64, today: CalendarDay, birthDate: BirthDate?) -> GrantTransition {
        var transition = evaluate(at: now, today: today, birthDate: birthDate)
        if transition.isAllowed { transition.lifecycle.lastUsedAt = max(lastUsedAt, now) }
        return transition
    }

    /// ``evaluate(at:today:birthDate:)`` with `today` the Dutch civil day of `now`.
    package func evaluate(at now: Int64, birthDate: BirthDate?) -> GrantTransition {
        evaluate(at: now, today: CalendarDay(epochMilliseconds: now), birthDate: birthDate)
    }

    /// ``use(at:today:birthDate:)`` with `today` the Dutch civil day of `now`.
    package func use(at now: Int64, birthDate: BirthDate?) -> GrantTransition {
        use(at: now, today: CalendarDay(epochMilliseconds: now), birthDate: birthDate)
    }

    /// Revokes the grant. A grant already revoked keeps its first revocation (revoking is idempotent, as RFC
    /// 7009 wants); a lapsed or ended grant becomes revoked, recording the explicit decision.
    ///
    /// The transition is never "allowed" (nothing may proceed on a revoked grant); ``GrantTransition/statusChanged``
    /// says whether there is anything to persist (revoke the grant and all its tokens).
    package func revoke(by revoker: GrantRevoker, at now: Int64) -> GrantTransition {
        if case .revoked(let by, _) = status {
            return GrantTransition(lifecycle: self, refusal: .revoked(by), statusChanged: false)
        }
        var next = self
        next.status = .revoked(by: revoker, at: now)
        return GrantTransition(lifecycle: next, refusal: .revoked(revoker), statusChanged: true)
    }
}

/// The result of a ``GrantLifecycle`` transition.
package struct GrantTransition: Sendable, Hashable {
    /// The state after the transition: what to persist when ``statusChanged``.
    package var lifecycle: GrantLifecycle
    /// Why the grant may not be used, or `nil` when it may.
    package var refusal: GrantRefusal?
    /// `true` when the status changed and the owner must persist it (and revoke the grant's tokens).
    package var statusChanged: Bool

    package init(lifecycle: GrantLifecycle, refusal: GrantRefusal?, statusChanged: Bool) {
        self.lifecycle = lifecycle
        self.refusal = refusal
        self.statusChanged = statusChanged
    }

    /// `true` when the request may proceed on this grant.
    package var isAllowed: Bool { refusal == nil }
}

/// Why a grant cannot be used.
package enum GrantRefusal: Sendable, Hashable {
    /// Unused for 180 days.
    case lapsed
    /// Revoked by someone.
    case revoked(GrantRevoker)
    /// Ended by an age rule.
    case ended(DelegationRefusal)

    /// Stable error-catalog code: `consent-expired` (lapsed), `consent-revoked`, or the age rule's code.
    package var code: String {
        switch self {
        case .lapsed: "consent-expired"
        case .revoked: "consent-revoked"
        case .ended(let reason): reason.code
        }
    }
}
