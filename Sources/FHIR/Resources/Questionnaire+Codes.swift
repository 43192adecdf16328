extension Questionnaire {
    /// The type of a questionnaire item: what kind of answer it takes.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-item-type.html).
    public enum ItemType: String, Sendable, Hashable, CaseIterable, Codable {
        /// `group`.
        case group = "group"
        /// `display`.
        case display = "display"
        /// `question`.
        case question = "question"
        /// `boolean`.
        case boolean = "boolean"
        /// `decimal`.
        case decimal = "decimal"
        /// `integer`.
        case integer = "integer"
        /// `date`.
        case date = "date"
        /// `dateTime`.
        case dateTime = "dateTime"
        /// `time`.
        case time = "time"
        /// `string`.
        case string = "string"
        /// `text`.
        case text = "text"
        /// `url`.
        case url = "url"
        /// `choice`.
        case choice = "choice"
        /// `open-choice`.
        case openChoice = "open-choice"
        /// `attachment`.
        case attachment = "attachment"
        /// `reference`.
        case reference = "reference"
        /// `quantity`.
        case quantity = "quantity"
    }
}

extension Questionnaire {
    /// How an enableWhen compares the answer.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-questionnaire-enable-operator.html).
    public enum EnableWhenOperator: String, Sendable, Hashable, CaseIterable, Codable {
        /// `exists`.
        case exists = "exists"
        /// `=`.
        case equal = "="
        /// `!=`.
        case notEqual = "!="
        /// `>`.
        case greaterThan = ">"
        /// `<`.
        case lessThan = "<"
        /// `>=`.
        case greaterOrEqual = ">="
        /// `<=`.
        case lessOrEqual = "<="
    }
}

extension Questionnaire {
    /// Whether all or any enableWhen conditions must hold.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-questionnaire-enable-behavior.html).
    public enum EnableBehavior: String, Sendable, Hashable, CaseIterable, Codable {
        /// `all`.
        case all = "all"
        /// `any`.
        case any = "any"
    }
}
