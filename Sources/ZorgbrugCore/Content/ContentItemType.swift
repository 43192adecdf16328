/// The R4 Questionnaire item types (http://hl7.org/fhir/R4/valueset-item-type.html) and what each allows,
/// as the content validator needs it.
enum ContentItemType: String, CaseIterable {
    case group, display, boolean, decimal, integer, date, dateTime, time, string, text, url
    case choice, openChoice = "open-choice", attachment, reference, quantity

    /// The codes in the order the specification lists them, for messages.
    static var allCodes: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Whether the item holds answers at all (not a group or display item).
    var isQuestion: Bool { self != .group && self != .display }

    /// que-5 as its R4 FHIRPath expression states it: answerOption/answerValueSet only on these types.
    var allowsAnswerOptions: Bool {
        switch self {
        case .choice, .openChoice, .decimal, .integer, .date, .dateTime, .time, .string, .quantity: true
        default: false
        }
    }

    /// que-10 as its R4 FHIRPath expression states it: maxLength only on these "simple" types.
    var allowsMaxLength: Bool {
        switch self {
        case .boolean, .decimal, .integer, .string, .text, .url, .openChoice: true
        default: false
        }
    }

    /// The `answer[x]` members of `enableWhen` that can be compared with an answer to an item of this type.
    /// Empty for items without answers. Choice items also accept the kinds of their answerOption values.
    var enableWhenAnswerKeys: Set<String> {
        switch self {
        case .group, .display: []
        case .boolean: ["answerBoolean"]
        case .decimal: ["answerDecimal", "answerInteger"]
        case .integer: ["answerInteger"]
        case .date: ["answerDate"]
        case .dateTime: ["answerDateTime", "answerDate"]
        case .time: ["answerTime"]
        case .string, .text, .url: ["answerString"]
        case .choice: ["answerCoding"]
        case .openChoice: ["answerCoding", "answerString"]
        case .attachment: []
        case .reference: ["answerReference"]
        case .quantity: ["answerQuantity"]
        }
    }

    /// Whether `>`, `<`, `>=` and `<=` mean something for answers of this type.
    var isOrdered: Bool {
        switch self {
        case .decimal, .integer, .date, .dateTime, .time, .quantity, .string, .text: true
        default: false
        }
    }

    /// The `initial.value[x]` members that fit this type.
    var initialValueKeys: Set<String> {
        switch self {
        case .group, .display: []
        case .boolean: ["valueBoolean"]
        case .decimal: ["valueDecimal"]
        case .integer: ["valueInteger"]
        case .date: ["valueDate"]
        case .dateTime: ["valueDateTime"]
        case .time: ["valueTime"]
        case .string, .text: ["valueString"]
        case .url: ["valueUri"]
        case .choice: ["valueCoding"]
        case .openChoice: ["valueCoding", "valueString"]
        case .attachment: ["valueAttachment"]
        case .reference: ["valueReference"]
        case .quantity: ["valueQuantity"]
        }
    }

    /// The `answerOption.value[x]` member an option must use for this type, or `nil` when any of the six
    /// R4 option types is acceptable (choice, open-choice) or none is defined (decimal, dateTime, quantity).
    var answerOptionValueKey: String? {
        switch self {
        case .integer: "valueInteger"
        case .date: "valueDate"
        case .time: "valueTime"
        case .string: "valueString"
        default: nil
        }
    }

    /// The `value[x]` members the minValue/maxValue extensions may use on this type; empty when the
    /// extensions do not apply.
    var boundValueKeys: Set<String> {
        switch self {
        case .integer: ["valueInteger"]
        case .decimal: ["valueDecimal", "valueInteger"]
        case .date: ["valueDate"]
        case .dateTime: ["valueDateTime", "valueDate"]
        case .time: ["valueTime"]
        case .quantity: ["valueQuantity", "valueDecimal"]
        default: []
        }
    }
}
