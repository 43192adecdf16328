import ZorgbrugCore

/// Builds `self` and `next` links: the parameters as received plus the paging cursor, percent-encoded.
package enum PageLink {
    /// `base/path?name=value&…[&_cursor=cursor]`.
    package static func url(base: String, path: String, parameters: [(name: String, value: String)], cursor: String?) -> String {
        var all = parameters
        if let cursor { all.append(("_cursor", cursor)) }
        let query = all.map { "\(QueryString.encode($0.name))=\(QueryString.encode($0.value))" }.joined(separator: "&")
        return "\(base)/\(path)" + (query.isEmpty ? "" : "?\(query)")
    }

    /// Parses `_count` for history-style reads: 1…max, clamped to max.
    package static func count(_ value: String, name: String) throws -> Int {
        guard let n = Int(value), n >= 1 else {
            throw ZorgbrugError.searchParameterInvalid(name, value, "use a whole number from 1 to \(SearchRequestParser.maxCount)")
        }
        return min(n, SearchRequestParser.maxCount)
    }
}
