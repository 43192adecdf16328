/// A date search value: a prefix and the half-open range `[low, high)` of UTC epoch milliseconds the value
/// covers (`2026-11` covers the whole month), as in ``ZorgbrugCore/SearchValue/date(low:high:)``.
///
/// Matching follows https://hl7.org/fhir/R4/search.html#prefix, with the resource's value range `[rl, rh)`:
/// `eq` the parameter range contains the resource range; `ne` it does not; `gt` `rh > high`; `lt` `rl < low`;
/// `ge` gt or eq; `le` lt or eq; `sa` `rl >= high`; `eb` `rh <= low`. An instant such as `_lastUpdated` is
/// the range `[t, t+1)`.
package struct DateBound: Sendable, Hashable {
    /// The comparison.
    package var prefix: DatePrefix
    /// Start of the parameter range, inclusive (epoch ms).
    package var low: Int64
    /// End of the parameter range, exclusive (epoch ms); must be greater than `low`.
    package var high: Int64

    /// A bound; `high` must be greater than `low`.
    package init(_ prefix: DatePrefix, low: Int64, high: Int64) {
        self.prefix = prefix
        self.low = low
        self.high = high
    }
}

/// The prefix of a date search value (https://hl7.org/fhir/R4/search.html#prefix).
package enum DatePrefix: String, Sendable, Hashable, CaseIterable {
    case eq, ne, gt, lt, ge, le, sa, eb
}
