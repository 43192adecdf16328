import FHIR

/// Checks that a FHIR `Timing` is well formed: the invariants tim-1 … tim-10, positive counts and frequencies,
/// and known unit, day and event codes.
///
/// https://hl7.org/fhir/R4/datatypes.html#Timing
enum ContentTimingCheck {
    static let units: Set<String> = ["s", "min", "h", "d", "wk", "mo", "a"]
    static let days: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let events: Set<String> = [
        "MORN", "MORN.early", "MORN.late", "NOON", "AFT", "AFT.early", "AFT.late", "EVE", "EVE.early", "EVE.late",
        "NIGHT", "PHS", "HS", "WAKE", "C", "CM", "CD", "CV", "AC", "ACM", "ACD", "ACV", "PC", "PCM", "PCD", "PCV",
    ]

    static func check(_ timing: JSON, at path: String, into report: inout ContentReport) {
        guard let object = timing.objectValue else {
            report.add(path, "timingTiming must be an object")
            return
        }
        if object["repeat"] == nil, object["event"] == nil, object["code"] == nil {
            report.add(path, "a Timing needs a repeat, an event or a code")
        }
        for (k, event) in ContentJSON.elements(object["event"]).enumerated() where ContentJSON.nonEmptyString(event) == nil {
            report.add("\(path).event[\(k)]", "an event must be a dateTime")
        }
        guard let repeatValue = object["repeat"] else { return }
        guard let rule = repeatValue.objectValue else {
            report.add("\(path).repeat", "repeat must be an object")
            return
        }
        checkRepeat(rule, at: "\(path).repeat", into: &report)
    }

    private static func checkRepeat(_ rule: JSONObject, at path: String, into report: inout ContentReport) {
        let bounds = ContentJSON.choiceKeys(rule, prefix: "bounds")
        if bounds.count > 1 { report.add(path, "a repeat has at most one bounds[x]") }
        if let duration = rule["boundsDuration"] {
            checkDuration(duration, at: "\(path).boundsDuration", into: &report)
        }
        if let period = rule["boundsPeriod"] {
            let start = period["start"]?.stringValue
            let end = period["end"]?.stringValue
            if start == nil, end == nil { report.add("\(path).boundsPeriod", "boundsPeriod needs a start or an end") }
            if let start, let end, start.count == end.count, start > end {
                report.add("\(path).boundsPeriod", "boundsPeriod starts after it ends")
            }
        }
        let count = positiveInteger(rule, "count", at: path, into: &report)
        let countMax = positiveInteger(rule, "countMax", at: path, into: &report)
        if countMax != nil, rule["count"] == nil { report.add("\(path).countMax", "countMax needs a count (tim-8)") }
        if let count, let countMax, countMax < count { report.add("\(path).countMax", "countMax is below count") }

        let frequency = positiveInteger(rule, "frequency", at: path, into: &report)
        let frequencyMax = positiveInteger(rule, "frequencyMax", at: path, into: &report)
        if let frequency, let frequencyMax, frequencyMax < frequency {
            report.add("\(path).frequencyMax", "frequencyMax is below frequency")
        }
        if rule["frequency"] != nil, rule["period"] == nil {
            report.add("\(path).period", "a frequency needs a period and periodUnit (how often per what)")
        }
        checkQuantity(
            rule, value: "duration", max: "durationMax", unit: "durationUnit", invariants: ("tim-1", "tim-4", "tim-7"),
            at: path, into: &report)
        checkQuantity(
            rule, value: "period", max: "periodMax", unit: "periodUnit", invariants: ("tim-2", "tim-5", "tim-6"),
            at: path, into: &report)

        for (k, day) in ContentJSON.elements(rule["dayOfWeek"]).enumerated() where !days.contains(day.stringValue ?? "") {
            report.add("\(path).dayOfWeek[\(k)]", "dayOfWeek must be one of mon, tue, wed, thu, fri, sat, sun")
        }
        for (k, time) in ContentJSON.elements(rule["timeOfDay"]).enumerated() where !isTime(time.stringValue ?? "") {
            report.add("\(path).timeOfDay[\(k)]", "timeOfDay must be a time hh:mm:ss")
        }
        let when = ContentJSON.elements(rule["when"]).compactMap(\.stringValue)
        for (k, code) in when.enumerated() where !events.contains(code) {
            report.add("\(path).when[\(k)]", "unknown event timing '\(code)'")
        }
        if rule["timeOfDay"] != nil, rule["when"] != nil {
            report.add("\(path).timeOfDay", "timeOfDay and when cannot be used together (tim-10)")
        }
        if let offset = rule["offset"] {
            if (offset.numberValue?.int ?? -1) < 0 { report.add("\(path).offset", "offset must be a non-negative integer (minutes)") }
            if when.isEmpty || when.contains(where: { ["C", "CM", "CD", "CV"].contains($0) }) {
                report.add("\(path).offset", "an offset needs a when other than C, CM, CD or CV (tim-9)")
            }
        }
    }

    private static func checkQuantity(
        _ rule: JSONObject, value: String, max: String, unit: String, invariants: (String, String, String),
        at path: String, into report: inout ContentReport
    ) {
        if let amount = rule[value] {
            if (amount.numberValue?.double ?? -1) < 0 {
                report.add("\(path).\(value)", "\(value) must be a non-negative number (\(invariants.1))")
            }
            if rule[unit] == nil { report.add("\(path).\(unit)", "\(value) needs a \(unit) (\(invariants.0))") }
        } else if rule[unit] != nil {
            report.add("\(path).\(unit)", "\(unit) without \(value)")
        }
        if rule[max] != nil, rule[value] == nil {
            report.add("\(path).\(max)", "\(max) needs a \(value) (\(invariants.2))")
        }
        if let code = rule[unit], !units.contains(code.stringValue ?? "") {
            report.add("\(path).\(unit)", "\(unit) must be one of s, min, h, d, wk, mo, a")
        }
    }

    private static func checkDuration(_ duration: JSON, at path: String, into report: inout ContentReport) {
        if (duration["value"]?.numberValue?.double ?? 0) <= 0 {
            report.add("\(path).value", "a duration needs a positive value")
        }
        let code = duration["code"]?.stringValue ?? duration["unit"]?.stringValue ?? ""
        if !units.contains(code) {
            report.add("\(path).code", "a duration needs a UCUM time unit code (s, min, h, d, wk, mo, a)")
        }
        if let system = duration["system"]?.stringValue, system != "http://unitsofmeasure.org" {
            report.add("\(path).system", "a duration's system must be http://unitsofmeasure.org")
        }
    }

    /// The member as a positive integer; reports it when present and not one.
    private static func positiveInteger(_ rule: JSONObject, _ key: String, at path: String, into report: inout ContentReport) -> Int? {
        guard let value = rule[key] else { return nil }
        guard let number = value.numberValue, number.isIntegerLiteral, let int = number.int, int > 0 else {
            report.add("\(path).\(key)", "\(key) must be a positive integer")
            return nil
        }
        return int
    }

    private static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]),
            let s = Double(parts[2]), parts[0].count == 2, parts[1].count == 2, parts[2].count >= 2
        else { return false }
        return (0..<24).contains(h) && (0..<60).contains(m) && s >= 0 && s < 60
    }
}
