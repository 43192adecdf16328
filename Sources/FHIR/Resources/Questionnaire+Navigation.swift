extension Questionnaire {
    /// `url|version` (or just `url` without a version), the canonical a QuestionnaireResponse names.
    public var canonical: String? {
        guard let url else { return nil }
        guard let version else { return url }
        return url + "|" + version
    }

    /// Every item, depth first, in document order, with its FHIRPath (`Questionnaire.item[0].item[2]`).
    public var allItems: [(item: Item, expression: String)] {
        var result: [(item: Item, expression: String)] = []
        func walk(_ items: [Item], _ prefix: String) {
            for (index, item) in items.enumerated() {
                let path = "\(prefix).item[\(index)]"
                result.append((item, path))
                walk(item.item, path)
            }
        }
        walk(item, "Questionnaire")
        return result
    }

    /// The item with this `linkId`, searched depth first.
    public func item(linkId: String) -> Item? {
        allItems.first { $0.item.linkId == linkId }?.item
    }
}

extension QuestionnaireResponse {
    /// Every item, depth first, including items nested under answers, with its FHIRPath
    /// (`QuestionnaireResponse.item[2].answer[0].item[1]`).
    public var allItems: [(item: Item, expression: String)] {
        var result: [(item: Item, expression: String)] = []
        func walk(_ items: [Item], _ prefix: String) {
            for (index, item) in items.enumerated() {
                let path = "\(prefix).item[\(index)]"
                result.append((item, path))
                walk(item.item, path)
                for (answerIndex, answer) in item.answer.enumerated() {
                    walk(answer.item, "\(path).answer[\(answerIndex)]")
                }
            }
        }
        walk(item, "QuestionnaireResponse")
        return result
    }

    /// The `url` and `version` of the questionnaire named in `questionnaire` (`url|version`).
    public var questionnaireCanonical: (url: String, version: String?)? {
        guard let questionnaire else { return nil }
        guard let bar = questionnaire.firstIndex(of: "|") else { return (questionnaire, nil) }
        return (String(questionnaire[..<bar]), String(questionnaire[questionnaire.index(after: bar)...]))
    }
}
