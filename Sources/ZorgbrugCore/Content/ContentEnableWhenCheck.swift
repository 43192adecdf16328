import FHIR

/// Checks an item's `enableWhen` conditions and `enableBehavior`: the question exists, the operator is known
/// and fits the question's type, the answer has the question's type (que-7), and `enableBehavior` is given
/// when there is more than one condition (que-12).
///
/// https://hl7.org/fhir/R4/questionnaire-definitions.html#Questionnaire.item.enableWhen
enum ContentEnableWhenCheck {
    static func check(
        _ item: JSONObject, at path: String, index: [String: ContentQuestionnaireCheck.IndexedItem],
        into report: inout ContentReport
    ) {
        if let behavior = item["enableBehavior"], behavior.stringValue != "all", behavior.stringValue != "any" {
            report.add("\(path).enableBehavior", "enableBehavior must be 'all' or 'any'")
        }
        guard let enableWhen = item["enableWhen"] else {
            if item["enableBehavior"] != nil {
                report.add("\(path).enableBehavior", "enableBehavior without enableWhen has no effect")
            }
            return
        }
        guard let conditions = enableWhen.arrayValue, !conditions.isEmpty else {
            report.add("\(path).enableWhen", "enableWhen must be a non-empty array")
            return
        }
        if conditions.count > 1, item["enableBehavior"] == nil {
            report.add("\(path).enableBehavior", "enableBehavior ('all' or 'any') is required with more than one enableWhen (que-12)")
        }
        for (k, element) in conditions.enumerated() {
            let conditionPath = "\(path).enableWhen[\(k)]"
            guard let condition = element.objectValue else {
                report.add(conditionPath, "an enableWhen must be an object")
                continue
            }
            checkCondition(condition, at: conditionPath, index: index, into: &report)
        }
    }

    private static func checkCondition(
        _ condition: JSONObject, at path: String, index: [String: ContentQuestionnaireCheck.IndexedItem],
        into report: inout ContentReport
    ) {
        var question: ContentQuestionnaireCheck.IndexedItem?
        var questionId = ""
        if let linkId = ContentJSON.nonEmptyString(condition["question"]) {
            questionId = linkId
            question = index[linkId]
            if question == nil {
                report.add("\(path).question", "enableWhen names question '\(linkId)', but no item has that linkId")
            }
        } else {
            report.add("\(path).question", "enableWhen needs the linkId of a question")
        }
        let op = condition["operator"]?.stringValue
        if condition["operator"] == nil {
            report.add("\(path).operator", "enableWhen needs an operator (exists, =, !=, >, <, >=, <=)")
        } else if !ContentQuestionnaireCheck.operators.contains(op ?? "") {
            report.add("\(path).operator", "unknown operator \(condition["operator"]?.serializedString() ?? ""); use exists, =, !=, >, <, >= or <=")
        }
        let keys = ContentJSON.choiceKeys(condition, prefix: "answer")
        guard keys.count == 1, let key = keys.first else {
            report.add(path, "enableWhen needs exactly one answer[x]; found \(keys.count)")
            return
        }
        if op == "exists" {
            if key != "answerBoolean" {
                report.add("\(path).\(key)", "operator 'exists' needs answerBoolean, not \(key) (que-7)")
            }
            return
        }
        guard let op, let question, let type = question.type else { return }
        var allowed = type.enableWhenAnswerKeys
        if type == .choice || type == .openChoice {
            for optionKey in question.optionValueKeys where optionKey.hasPrefix("value") {
                allowed.insert("answer" + optionKey.dropFirst("value".count))
            }
        }
        if allowed.isEmpty {
            report.add(
                "\(path).operator",
                "question '\(questionId)' is a \(type.rawValue) item and has no answers to compare; only 'exists' can test it")
            return
        }
        if !allowed.contains(key) {
            let expected = allowed.sorted().joined(separator: " or ")
            report.add("\(path).\(key)", "\(key) does not match question '\(questionId)' (a \(type.rawValue) item); use \(expected) (que-7)")
        }
        if ContentQuestionnaireCheck.orderingOperators.contains(op), !type.isOrdered {
            report.add(
                "\(path).operator",
                "operator '\(op)' needs an ordered answer; question '\(questionId)' is a \(type.rawValue) item (use = or !=)")
        }
    }
}
