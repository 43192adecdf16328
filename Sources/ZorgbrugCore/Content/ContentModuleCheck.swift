import FHIR

/// The checks on one care module (DESIGN.md §8): a `collection` Bundle with exactly one PlanDefinition whose
/// actions point at ActivityDefinitions in the same Bundle, and questionnaire activities that point at a
/// Questionnaire that exists. The conventions are described in docs/CONTENT.md.
enum ContentModuleCheck {
    static let taskKindSystem = "http://zorgbrug.nl/fhir/CodeSystem/task-kind"
    static let taskKinds: Set<String> = ["questionnaire", "measurement", "signalling-plan", "appointment", "econsult"]
    static let questionnaireExtensionURL = "http://zorgbrug.nl/fhir/StructureDefinition/questionnaire"
    static let allowedResourceTypes: Set<String> = [
        "PlanDefinition", "ActivityDefinition", "Questionnaire", "ValueSet", "CodeSystem", "Library",
    ]

    static func check(_ bundle: JSONObject, catalog: ContentCatalog, into report: inout ContentReport) {
        guard bundle["resourceType"]?.stringValue == "Bundle" else {
            report.add("$.resourceType", "a module must be a Bundle (resourceType is \(bundle["resourceType"]?.serializedString() ?? "missing"))")
            return
        }
        if bundle["type"]?.stringValue != "collection" {
            report.add("$.type", "a module Bundle must have type 'collection'")
        }
        guard let entries = bundle["entry"]?.arrayValue, !entries.isEmpty else {
            report.add("$.entry", "a module needs entries: one PlanDefinition and its ActivityDefinitions")
            return
        }
        var resources: [(path: String, resource: JSONObject)] = []
        for (i, entry) in entries.enumerated() {
            let path = "$.entry[\(i)].resource"
            guard let resource = entry["resource"]?.objectValue else {
                report.add(path, "every entry needs a resource")
                continue
            }
            let type = resource["resourceType"]?.stringValue ?? ""
            if !allowedResourceTypes.contains(type) {
                let found = type.isEmpty ? "an untyped resource" : type
                report.add(
                    "\(path).resourceType",
                    "a module holds PlanDefinition, ActivityDefinition, Questionnaire, ValueSet, CodeSystem or Library "
                        + "resources, not \(found)")
                continue
            }
            resources.append((path, resource))
        }

        // Questionnaires carried by the module are checked like those of Questionnaires/.
        var localQuestionnaires: Set<String> = []
        for (path, resource) in resources where resource["resourceType"]?.stringValue == "Questionnaire" {
            ContentQuestionnaireCheck.check(resource, at: path, into: &report)
            guard let key = ContentCatalog.key(resource) else { continue }
            if let shipped = catalog.questionnaire(key), shipped.resource != resource {
                report.add("\(path).url", "Questionnaire '\(key)' differs from the one in \(shipped.file); give the changed one a new version")
            }
            localQuestionnaires.insert(key)
        }

        var definitions = ContentActivityIndex()
        for (path, resource) in resources where resource["resourceType"]?.stringValue == "ActivityDefinition" {
            checkActivityDefinition(resource, at: path, catalog: catalog, local: localQuestionnaires, into: &report)
            definitions.add(resource, at: path, into: &report)
        }

        let plans = resources.filter { $0.resource["resourceType"]?.stringValue == "PlanDefinition" }
        guard let plan = plans.first else {
            report.add("$.entry", "a module needs exactly one PlanDefinition; found none")
            return
        }
        for extra in plans.dropFirst() {
            report.add(extra.path, "a module holds exactly one PlanDefinition; this is a second one (first at \(plan.path))")
        }
        checkPlanDefinition(plan.resource, at: plan.path, definitions: definitions, into: &report)
    }

    private static func checkPlanDefinition(
        _ plan: JSONObject, at path: String, definitions: ContentActivityIndex, into report: inout ContentReport
    ) {
        for key in ["url", "version", "title"] where ContentJSON.nonEmptyString(plan[key]) == nil {
            report.add("\(path).\(key)", "the PlanDefinition needs a non-empty \(key)")
        }
        ContentQuestionnaireCheck.checkStatus(plan["status"], at: "\(path).status", into: &report)
        guard let actions = plan["action"]?.arrayValue, !actions.isEmpty else {
            report.add("\(path).action", "the PlanDefinition needs at least one action")
            return
        }
        checkActions(actions, under: path, definitions: definitions, into: &report)
    }

    private static func checkActions(
        _ actions: [JSON], under parent: String, definitions: ContentActivityIndex, into report: inout ContentReport
    ) {
        for (i, element) in actions.enumerated() {
            let path = "\(parent).action[\(i)]"
            guard let action = element.objectValue else {
                report.add(path, "an action must be an object")
                continue
            }
            let children = ContentJSON.elements(action["action"])
            if let canonical = action["definitionCanonical"] {
                if let text = ContentJSON.nonEmptyString(canonical) {
                    if !definitions.resolves(text) {
                        report.add(
                            "\(path).definitionCanonical",
                            "definitionCanonical '\(text)' names no ActivityDefinition in this module (match by url or url|version)")
                    }
                } else {
                    report.add("\(path).definitionCanonical", "definitionCanonical must be a non-empty canonical URL")
                }
            } else if action["definitionUri"] != nil {
                report.add("\(path).definitionUri", "use definitionCanonical pointing at an ActivityDefinition in this module")
            } else if children.isEmpty {
                report.add(path, "an action needs a definitionCanonical or nested actions")
            }
            checkTiming(action, at: path, into: &report)
            checkActions(children, under: path, definitions: definitions, into: &report)
        }
    }

    private static func checkActivityDefinition(
        _ definition: JSONObject, at path: String, catalog: ContentCatalog, local: Set<String>,
        into report: inout ContentReport
    ) {
        for key in ["url", "version"] where ContentJSON.nonEmptyString(definition[key]) == nil {
            report.add("\(path).\(key)", "an ActivityDefinition needs a non-empty \(key)")
        }
        ContentQuestionnaireCheck.checkStatus(definition["status"], at: "\(path).status", into: &report)
        checkTiming(definition, at: path, into: &report)
        guard let kind = ContentJSON.nonEmptyString(definition["kind"]) else {
            report.add("\(path).kind", "an ActivityDefinition needs a kind (the resource $apply creates, e.g. Task or ServiceRequest)")
            return
        }
        let codings = ContentJSON.elements(definition["code"]?["coding"]).compactMap(\.objectValue)
        if codings.isEmpty {
            report.add("\(path).code", "an ActivityDefinition needs a code with at least one coding")
        }
        guard kind == "Task" else { return }
        let taskKind = codings.first { $0["system"]?.stringValue == taskKindSystem }?["code"]?.stringValue
        guard let taskKind, taskKinds.contains(taskKind) else {
            report.add("\(path).code", "a Task activity needs a code from \(taskKindSystem) (\(taskKinds.sorted().joined(separator: ", ")))")
            return
        }
        guard taskKind == "questionnaire" else { return }
        let extensions = ContentJSON.elements(definition["extension"])
        guard let k = extensions.firstIndex(where: { $0["url"]?.stringValue == questionnaireExtensionURL }) else {
            report.add("\(path).extension", "a questionnaire activity needs the extension \(questionnaireExtensionURL) with valueCanonical url|version")
            return
        }
        let referencePath = "\(path).extension[\(k)].valueCanonical"
        guard let canonical = ContentJSON.nonEmptyString(extensions[k]["valueCanonical"]) else {
            report.add(referencePath, "the questionnaire extension needs a valueCanonical url|version")
            return
        }
        guard canonical.contains("|") else {
            report.add(referencePath, "'\(canonical)' must name a version (url|version): several versions of a questionnaire live side by side")
            return
        }
        if !catalog.contains(canonical), !local.contains(canonical) {
            report.add(referencePath, "no Questionnaire '\(canonical)' in Questionnaires/ or in this module")
        }
    }

    /// `timingTiming` is checked; the other timing[x] forms are not understood by $apply.
    private static func checkTiming(_ holder: JSONObject, at path: String, into report: inout ContentReport) {
        for key in ContentJSON.choiceKeys(holder, prefix: "timing") {
            if key == "timingTiming", let timing = holder[key] {
                ContentTimingCheck.check(timing, at: "\(path).timingTiming", into: &report)
            } else if key != "timingTiming" {
                report.add("\(path).\(key)", "\(key) is not supported; express the schedule as timingTiming")
            }
        }
    }
}
