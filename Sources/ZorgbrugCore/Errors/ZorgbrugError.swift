/// A failure the platform explains to its caller: a catalog code, the element at fault, and the facts that fill
/// the catalog's message template.
///
/// Domain and store code throw these (or errors the API maps to these); the API's single error mapper turns them
/// into an OperationOutcome with the HTTP status its code calls for. Nothing here knows about HTTP.
package struct ZorgbrugError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The catalog code.
    package var code: ErrorCode
    /// FHIRPath expressions of the offending elements (`Task.status`), if any.
    package var expression: [String]
    /// Values for the `{name}` placeholders of the catalog texts.
    package var arguments: [String: String]
    /// Extra details for an operator (e.g. a list of validation problems), rendered as further issues.
    package var details: [ZorgbrugError]

    package init(_ code: ErrorCode, expression: [String] = [], arguments: [String: String] = [:], details: [ZorgbrugError] = []) {
        self.code = code
        self.expression = expression
        self.arguments = arguments
        self.details = details
    }

    /// The English text, for logs.
    package var description: String {
        "\(code.rawValue): \(ErrorCatalog.message(for: self, language: .en))"
    }
}

/// The languages Zorgbrug writes its texts in (`Accept-Language`), Dutch first.
package enum Language: String, Sendable, CaseIterable {
    case nl
    case en

    /// Picks the first supported language from an `Accept-Language` header, honouring q-values; `nl` by default.
    package static func negotiate(_ header: String?) -> Language {
        guard let header, !header.isEmpty else { return .nl }
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
            guard let tag = pieces.first?.lowercased() else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary), quality > 0 else { continue }
            if let current = best, current.1 >= quality { continue }
            best = (language, quality)
        }
        return best?.0 ?? .nl
    }
}

extension StringProtocol {
    /// The string without leading and trailing characters from `set` (a small, Foundation-free trim).
    package func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
