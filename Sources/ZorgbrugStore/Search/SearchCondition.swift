/// One search parameter with its values: `parameter` must match what ``SearchMatch`` asks for.
///
/// Conditions of a ``SearchQuery`` are combined with AND; the values inside one ``SearchMatch`` with OR.
package struct SearchCondition: Sendable {
    /// The search parameter's name as indexed (``ZorgbrugCore/SearchIndexEntry/parameter``), e.g. `status`.
    package var parameter: String
    /// What the parameter's indexed values must match.
    package var match: SearchMatch

    /// A condition on one parameter.
    package init(parameter: String, match: SearchMatch) {
        self.parameter = parameter
        self.match = match
    }
}
