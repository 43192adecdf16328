extension PlanDefinition {
    /// The actions (activities and their timing), as JSON objects.
    public var action: [JSONObject] {
        get { json.objects("action") }
        set { json.setObjects("action", newValue) }
    }

    /// The libraries (canonical URLs) used.
    public var library: [String] {
        get { json.strings("library") }
        set { json.setStrings("library", newValue) }
    }
}

extension ActivityDefinition {
    /// The participants, as JSON objects.
    public var participant: [JSONObject] {
        get { json.objects("participant") }
        set { json.setObjects("participant", newValue) }
    }
}

extension CarePlan {
    /// The planned activities, as JSON objects.
    public var activity: [JSONObject] {
        get { json.objects("activity") }
        set { json.setObjects("activity", newValue) }
    }
}

extension Consent {
    /// The rules (`provision`), as a JSON object.
    public var provision: JSONObject? {
        get { json["provision"]?.objectValue }
        set { json["provision"] = newValue.map(JSON.object) }
    }
}

extension ValueSet {
    /// The definition (`compose`), as a JSON object.
    public var compose: JSONObject? {
        get { json["compose"]?.objectValue }
        set { json["compose"] = newValue.map(JSON.object) }
    }

    /// The expansion, as a JSON object.
    public var expansion: JSONObject? {
        get { json["expansion"]?.objectValue }
        set { json["expansion"] = newValue.map(JSON.object) }
    }

    /// The codes listed in the expansion (nested `contains` flattened) and, when there is no expansion, the
    /// concepts enumerated in `compose.include` (each with its include's `system`). Filters and imported
    /// value sets are not expanded.
    public var codings: [Coding] {
        if let expansion {
            var result: [Coding] = []
            func walk(_ contains: [JSONObject]) {
                for entry in contains {
                    if entry.string("code") != nil { result.append(Coding(jsonObject: entry)) }
                    walk(entry.objects("contains"))
                }
            }
            walk(expansion.objects("contains"))
            return result
        }
        var result: [Coding] = []
        for include in compose?.objects("include") ?? [] {
            for concept in include.objects("concept") {
                var coding = Coding(system: include.string("system"), code: concept.string("code"))
                coding.display = concept.string("display")
                coding.jsonObject["extension"] = concept["extension"]
                result.append(coding)
            }
        }
        return result
    }
}

extension Parameters {
    /// Parameters with these entries.
    public init(parameters: [Parameter]) {
        self.init()
        self.parameter = parameters
    }

    /// The first parameter with this name.
    public func parameter(named name: String) -> Parameter? {
        parameter.first { $0.name == name }
    }
}
