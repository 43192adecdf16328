import FHIR

/// The checks on one Questionnaire resource: metadata, every item (invariants que-1 … que-13 where they
/// apply), enableWhen references and types, answer options, initial values, bounds and scoring extensions.
///
/// https://hl7.org/fhir/R4/questionnaire.html#invs
enum ContentQuestionnaireCheck {
    /// PublicationStatus codes (Questionnaire.status, PlanDefinition.status, ActivityDefinition.status).
    static let publicationStatuses = ["draft", "active", "retired", "unknown"]

    static let operators: Set<String> = ["exists", "=", "!=", ">", "<", ">=", "<="]
    static let orderingOperators: Set<String> = [">", "<", ">=", "<="]
    static let minValueURL = "http://hl7.org/fhir/StructureDefinition/minValue"
    static let maxValueURL = "http://hl7.org/fhir/StructureDefinition/maxValue"
    static let answerOptionValueKeys: Set<String> = [
        "valueInteger", "valueDate", "valueTime", "valueString", "valueCoding", "valueReference",
    ]

    /// What the enableWhen checks need to know about an item.
    struct IndexedItem {
        let path: String
        let type: ContentItemType?
        /// The `value[x]` members its answerOptions use.
        let optionValueKeys: Set<String>
    }

    /// Checks `questionnaire`, found at `root` (`$`, or `$.entry[2].resource` inside a module), whose
    /// `resourceType` the caller has already checked.
    static func check(_ questionnaire: JSONObject, at root: String, into report: inout ContentReport) {
        checkMetadata(questionnaire, at: root, into: &report)
        var containedValueSets: Set<String> = []
        for resource in ContentJSON.elements(questionnaire["contained"])
        where resource["resourceType"]?.stringValue == "ValueSet" {
            if let id = resource["id"]?.stringValue { containedValueSets.insert(id) }
        }
        var index: [String: IndexedItem] = [:]
        indexItems(questionnaire["item"], under: root, index: &index, into: &report)
        checkItems(questionnaire["item"], under: root, index: index, valueSets: containedValueSets, into: &report)
        ContentExtensionCheck.check(.object(questionnaire), at: root, into: &report)
    }

    static func checkMetadata(_ questionnaire: JSONObject, at root: String, into report: inout ContentReport) {
        for key in ["url", "version"] {
            if ContentJSON.nonEmptyString(questionnaire[key]) == nil {
                report.add("\(root).\(key)", questionnaire[key] == nil
                    ? "missing \(key): every shipped Questionnaire needs a \(key), tasks refer to it as url|version"
                    : "\(key) must be a non-empty string")
            }
        }
        checkStatus(questionnaire["status"], at: "\(root).status", into: &report)
    }

    static func checkStatus(_ status: JSON?, at path: String, into report: inout ContentReport) {
        let allowed = publicationStatuses.joined(separator: ", ")
        guard let status else {
            report.add(path, "missing status (one of \(allowed))")
            return
        }
        guard let code = status.stringValue, publicationStatuses.contains(code) else {
            report.add(path, "invalid status \(status.serializedString()) (one of \(allowed))")
            return
        }
    }

    // MARK: - linkIds (que-2)

    private static func indexItems(
        _ items: JSON?, under parent: String, index: inout [String: IndexedItem], into report: inout ContentReport
    ) {
        guard let items else { return }
        guard let array = items.arrayValue else {
            report.add("\(parent).item", "item must be an array")
            return
        }
        for (i, element) in array.enumerated() {
            let path = "\(parent).item[\(i)]"
            guard let item = element.objectValue else {
                report.add(path, "an item must be an object")
                continue
            }
            if let linkId = ContentJSON.nonEmptyString(item["linkId"]) {
                if let first = index[linkId] {
                    report.add("\(path).linkId", "duplicate linkId '\(linkId)', already used at \(first.path) (que-2)")
                } else {
                    let optionKeys = ContentJSON.elements(item["answerOption"]).compactMap { option in
                        option.objectValue.flatMap { ContentJSON.choiceKeys($0, prefix: "value").first }
                    }
                    index[linkId] = IndexedItem(
                        path: path,
                        type: item["type"]?.stringValue.flatMap(ContentItemType.init(rawValue:)),
                        optionValueKeys: Set(optionKeys)
                    )
                }
            } else {
                report.add("\(path).linkId", item["linkId"] == nil
                    ? "missing linkId: every item needs a linkId unique in the questionnaire (que-2)"
                    : "linkId must be a non-empty string")
            }
            indexItems(item["item"], under: path, index: &index, into: &report)
        }
    }

    // MARK: - Items

    private static func checkItems(
        _ items: JSON?, under parent: String, index: [String: IndexedItem], valueSets: Set<String>,
        into report: inout ContentReport
    ) {
        for (i, element) in ContentJSON.elements(items).enumerated() {
            guard let item = element.objectValue else { continue }
            let path = "\(parent).item[\(i)]"
            checkItem(item, at: path, index: index, valueSets: valueSets, into: &report)
            checkItems(item["item"], under: path, index: index, valueSets: valueSets, into: &report)
        }
    }

    private static func checkItem(
        _ item: JSONObject, at path: String, index: [String: IndexedItem], valueSets: Set<String>,
        into report: inout ContentReport
    ) {
        for key in ["required", "repeats", "readOnly"] where item[key] != nil && item[key]?.boolValue == nil {
            report.add("\(path).\(key)", "\(key) must be true or false")
        }
        if let maxLength = item["maxLength"], (maxLength.numberValue?.int ?? 0) < 1 {
            report.add("\(path).maxLength", "maxLength must be a positive integer")
        }
        guard let rawType = item["type"] else {
            report.add("\(path).type", "missing type (one of \(ContentItemType.allCodes))")
            return
        }
        guard let code = rawType.stringValue, let type = ContentItemType(rawValue: code) else {
            report.add("\(path).type", "unknown item type \(rawType.serializedString()); R4 item types are \(ContentItemType.allCodes)")
            return
        }
        checkStructure(item, type: type, at: path, into: &report)
        checkAnswerOptions(item, type: type, at: path, valueSets: valueSets, into: &report)
        checkInitial(item, type: type, at: path, into: &report)
        if item["maxLength"] != nil, !type.allowsMaxLength {
            report.add(
                "\(path).maxLength",
                "maxLength is not allowed on a \(code) item; only boolean, decimal, integer, string, text, url and "
                    + "open-choice items take it (que-10)")
        }
        ContentBoundsCheck.check(item, type: type, at: path, into: &report)
        ContentEnableWhenCheck.check(item, at: path, index: index, into: &report)
    }

    /// que-1, que-3, que-6, que-8, que-9: what group and display items may not carry.
    private static func checkStructure(_ item: JSONObject, type: ContentItemType, at path: String, into report: inout ContentReport) {
        let children = ContentJSON.elements(item["item"])
        switch type {
        case .display:
            for key in ["required", "repeats"] where item[key] != nil {
                report.add("\(path).\(key)", "a display item cannot carry \(key) (que-6)")
            }
            if item["readOnly"] != nil { report.add("\(path).readOnly", "a display item cannot carry readOnly (que-9)") }
            if item["code"] != nil { report.add("\(path).code", "a display item cannot carry a code (que-3)") }
            if !children.isEmpty { report.add("\(path).item", "a display item cannot have nested items (que-1)") }
            if item["initial"] != nil { report.add("\(path).initial", "a display item cannot have an initial value (que-8)") }
        case .group:
            if children.isEmpty { report.add("\(path).item", "a group item must have nested items (que-1)") }
            if item["initial"] != nil { report.add("\(path).initial", "a group item cannot have an initial value (que-8)") }
        default:
            break
        }
    }

    /// que-4, que-5, contained ValueSets and the value types of answerOption.
    private static func checkAnswerOptions(
        _ item: JSONObject, type: ContentItemType, at path: String, valueSets: Set<String>, into report: inout ContentReport
    ) {
        let options = item["answerOption"]
        let valueSet = item["answerValueSet"]
        if !type.allowsAnswerOptions {
            let why = type == .display ? "a display item holds no answers" : "a \(type.rawValue) item cannot offer answers"
            if options != nil { report.add("\(path).answerOption", "answerOption is not allowed: \(why) (que-5)") }
            if valueSet != nil { report.add("\(path).answerValueSet", "answerValueSet is not allowed: \(why) (que-5)") }
        }
        if options != nil, valueSet != nil {
            report.add("\(path).answerValueSet", "an item cannot have both answerOption and answerValueSet (que-4)")
        }
        if let valueSet {
            if let canonical = ContentJSON.nonEmptyString(valueSet) {
                if canonical.hasPrefix("#"), !valueSets.contains(String(canonical.dropFirst())) {
                    report.add("\(path).answerValueSet", "answerValueSet '\(canonical)' names no contained ValueSet")
                }
            } else {
                report.add("\(path).answerValueSet", "answerValueSet must be a canonical URL or '#id' of a contained ValueSet")
            }
        }
        guard let options else { return }
        guard let array = options.arrayValue, !array.isEmpty else {
            report.add("\(path).answerOption", "answerOption must be a non-empty array")
            return
        }
        for (k, option) in array.enumerated() {
            let optionPath = "\(path).answerOption[\(k)]"
            guard let object = option.objectValue else {
                report.add(optionPath, "an answerOption must be an object")
                continue
            }
            checkWeights(object, at: optionPath, into: &report)
            let keys = ContentJSON.choiceKeys(object, prefix: "value")
            guard keys.count == 1, let key = keys.first else {
                report.add(optionPath, "an answerOption needs exactly one value[x]; found \(keys.count)")
                continue
            }
            if !answerOptionValueKeys.contains(key) {
                report.add(
                    "\(optionPath).\(key)",
                    "\(key) is not an answerOption type; use valueInteger, valueDate, valueTime, valueString, valueCoding "
                        + "or valueReference")
            } else if let expected = type.answerOptionValueKey, key != expected {
                report.add("\(optionPath).\(key)", "an answerOption of a \(type.rawValue) item must use \(expected), not \(key)")
            } else if key == "valueCoding", ContentJSON.nonEmptyString(object["valueCoding"]?["code"]) == nil {
                report.add("\(optionPath).valueCoding.code", "an answer Coding needs a code")
            }
        }
    }

    /// An option may carry both ordinalValue (R4) and itemWeight (R5 style); they must then agree.
    private static func checkWeights(_ option: JSONObject, at path: String, into report: inout ContentReport) {
        func weight(_ url: String) -> Double? {
            ContentJSON.elements(option["extension"]).first { $0["url"]?.stringValue == url }?["valueDecimal"]?.numberValue?.double
        }
        if let ordinal = weight(ContentExtensionCheck.ordinalValueURL), let itemWeight = weight(ContentExtensionCheck.itemWeightURL),
            ordinal != itemWeight
        {
            let values = "ordinalValue (\(JSONNumber(ordinal).text)) and itemWeight (\(JSONNumber(itemWeight).text))"
            report.add("\(path).extension", "\(values) disagree; scores use ordinalValue")
        }
    }

    /// que-8 (in ``checkStructure``), que-11, que-13 and the value types of `initial`.
    private static func checkInitial(_ item: JSONObject, type: ContentItemType, at path: String, into report: inout ContentReport) {
        guard let initial = item["initial"], type.isQuestion else { return }
        guard let array = initial.arrayValue else {
            report.add("\(path).initial", "initial must be an array")
            return
        }
        if item["answerOption"] != nil {
            report.add("\(path).initial", "an item with answerOption cannot have initial; mark the option with initialSelected instead (que-11)")
        }
        if array.count > 1, item["repeats"]?.boolValue != true {
            report.add("\(path).initial", "only a repeating item can have more than one initial value (que-13)")
        }
        for (k, value) in array.enumerated() {
            let valuePath = "\(path).initial[\(k)]"
            let keys = value.objectValue.map { ContentJSON.choiceKeys($0, prefix: "value") } ?? []
            guard keys.count == 1, let key = keys.first else {
                report.add(valuePath, "an initial value needs exactly one value[x]; found \(keys.count)")
                continue
            }
            if !type.initialValueKeys.contains(key) {
                let expected = type.initialValueKeys.sorted().joined(separator: " or ")
                report.add("\(valuePath).\(key)", "a \(type.rawValue) item takes \(expected) as initial value, not \(key)")
            }
        }
    }
}
