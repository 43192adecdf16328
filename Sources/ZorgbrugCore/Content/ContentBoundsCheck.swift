import FHIR

/// Checks the minValue and maxValue extensions of an item: that they apply to its type, use a fitting
/// `value[x]`, and that the minimum is not above the maximum.
///
/// http://hl7.org/fhir/R4/extension-minvalue.html, http://hl7.org/fhir/R4/extension-maxvalue.html
enum ContentBoundsCheck {
    static func check(_ item: JSONObject, type: ContentItemType, at path: String, into report: inout ContentReport) {
        var minimum: (path: String, value: JSON)?
        var maximum: (path: String, value: JSON)?
        for (k, element) in ContentJSON.elements(item["extension"]).enumerated() {
            guard let ext = element.objectValue, let url = ext["url"]?.stringValue else { continue }
            let name: String
            switch url {
            case ContentQuestionnaireCheck.minValueURL: name = "minValue"
            case ContentQuestionnaireCheck.maxValueURL: name = "maxValue"
            default: continue
            }
            let extPath = "\(path).extension[\(k)]"
            let keys = ContentJSON.choiceKeys(ext, prefix: "value")
            guard keys.count == 1, let key = keys.first, let value = ext[key] else {
                report.add(extPath, "\(name) needs exactly one value[x]; found \(keys.count)")
                continue
            }
            if type.boundValueKeys.isEmpty {
                report.add(extPath, "\(name) does not apply to a \(type.rawValue) item")
                continue
            }
            guard type.boundValueKeys.contains(key) else {
                let expected = type.boundValueKeys.sorted().joined(separator: " or ")
                report.add("\(extPath).\(key)", "\(name) on a \(type.rawValue) item must use \(expected), not \(key)")
                continue
            }
            if name == "minValue" { minimum = ("\(extPath).\(key)", value) } else { maximum = ("\(extPath).\(key)", value) }
        }
        guard let minimum, let maximum else { return }
        if isGreater(minimum.value, than: maximum.value) {
            report.add(maximum.path, "minValue \(show(minimum.value)) is greater than maxValue \(show(maximum.value))")
        }
    }

    /// Numbers (and Quantity values) compare numerically; dates and times compare as text when they have the
    /// same precision (ISO 8601 text of equal length sorts chronologically).
    private static func isGreater(_ a: JSON, than b: JSON) -> Bool {
        if let x = ContentJSON.number(a), let y = ContentJSON.number(b) { return x > y }
        if let x = a.stringValue, let y = b.stringValue, x.count == y.count { return x > y }
        return false
    }

    private static func show(_ value: JSON) -> String {
        if let n = ContentJSON.number(value) { return JSONNumber(n).text }
        return value.serializedString()
    }
}
