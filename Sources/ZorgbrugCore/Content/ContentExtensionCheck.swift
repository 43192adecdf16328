import FHIR

/// Checks the scoring, expression and translation extensions wherever they appear in a resource (items,
/// answer options, contained ValueSet concepts, `_text` elements).
///
/// - ordinalValue / itemWeight: `valueDecimal` (http://hl7.org/fhir/R4/extension-ordinalvalue.html).
/// - SDC expressions (calculatedExpression, initialExpression, enableWhenExpression, answerExpression, variable):
///   a `valueExpression` with `language` and `expression`; a variable also needs a `name`.
/// - translation: the sub-extensions `lang` (valueCode) and `content` (valueString).
enum ContentExtensionCheck {
    static let ordinalValueURL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    static let itemWeightURL = "http://hl7.org/fhir/StructureDefinition/itemWeight"
    static let translationURL = "http://hl7.org/fhir/StructureDefinition/translation"
    static let variableURL = "http://hl7.org/fhir/StructureDefinition/variable"
    static let sdcExpressionURLs: [String: String] = [
        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression": "calculatedExpression",
        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression": "initialExpression",
        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression": "enableWhenExpression",
        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression": "answerExpression",
    ]

    /// Walks `value` (found at `path`) and checks every extension it meets.
    static func check(_ value: JSON, at path: String, into report: inout ContentReport) {
        switch value {
        case .object(let object):
            for (key, member) in object {
                let memberPath = "\(path).\(key)"
                if key == "extension" || key == "modifierExtension", let extensions = member.arrayValue {
                    for (k, element) in extensions.enumerated() {
                        if let ext = element.objectValue { checkExtension(ext, at: "\(memberPath)[\(k)]", into: &report) }
                    }
                }
                check(member, at: memberPath, into: &report)
            }
        case .array(let elements):
            for (k, element) in elements.enumerated() {
                check(element, at: "\(path)[\(k)]", into: &report)
            }
        default:
            break
        }
    }

    private static func checkExtension(_ ext: JSONObject, at path: String, into report: inout ContentReport) {
        guard let url = ext["url"]?.stringValue else {
            report.add("\(path).url", "an extension needs a url")
            return
        }
        switch url {
        case ordinalValueURL, itemWeightURL:
            let name = url == ordinalValueURL ? "ordinalValue" : "itemWeight"
            if ext["valueDecimal"]?.numberValue == nil {
                let found = ContentJSON.choiceKeys(ext, prefix: "value").first.map { "found \($0)" } ?? "found no value"
                report.add(path, "\(name) must carry a number in valueDecimal (\(found))")
            }
        case translationURL:
            let parts = ContentJSON.elements(ext["extension"]).compactMap(\.objectValue)
            let lang = parts.first { $0["url"]?.stringValue == "lang" }
            let content = parts.first { $0["url"]?.stringValue == "content" }
            if ContentJSON.nonEmptyString(lang?["valueCode"]) == nil {
                report.add(path, "a translation needs a 'lang' extension with valueCode")
            }
            if ContentJSON.nonEmptyString(content?["valueString"]) == nil {
                report.add(path, "a translation needs a 'content' extension with valueString")
            }
        case variableURL:
            checkExpression(ext, named: "variable", needsName: true, at: path, into: &report)
        default:
            if let name = sdcExpressionURLs[url] {
                checkExpression(ext, named: name, needsName: false, at: path, into: &report)
            }
        }
    }

    private static func checkExpression(
        _ ext: JSONObject, named name: String, needsName: Bool, at path: String, into report: inout ContentReport
    ) {
        guard let expression = ext["valueExpression"]?.objectValue else {
            report.add(path, "\(name) must carry a valueExpression")
            return
        }
        if ContentJSON.nonEmptyString(expression["language"]) == nil {
            report.add("\(path).valueExpression.language", "\(name) needs a language (e.g. text/fhirpath)")
        }
        if ContentJSON.nonEmptyString(expression["expression"]) == nil {
            report.add("\(path).valueExpression.expression", "\(name) needs an expression")
        }
        if needsName, ContentJSON.nonEmptyString(expression["name"]) == nil {
            report.add("\(path).valueExpression.name", "a variable needs a name")
        }
    }
}
