import FHIR
import Testing
import ZorgbrugCore

/// The catalog drives routing, indexing, authorization and the CapabilityStatement, so its entries must agree
/// with each other: every name it mentions must exist and have the right kind.
@Suite("ResourceCatalog consistency")
struct ResourceCatalogTests {
    static let types = ResourceCatalog.definitions.map(\.type)

    static func definition(_ type: String) throws -> ResourceDefinition {
        try #require(ResourceCatalog.definition(type), "\(type) is not served")
    }

    @Test("types are unique and each is found by definition(_:)")
    func typesUnique() throws {
        #expect(Set(Self.types).count == Self.types.count)
        for type in Self.types {
            #expect(try Self.definition(type).type == type)
        }
        #expect(ResourceCatalog.definition("Bundle") == nil)
        #expect(ResourceCatalog.definition("patient") == nil)
    }

    @Test("the resource types docs/API.md lists are served")
    func documentedTypesServed() {
        let documented = [
            "Patient", "Practitioner", "Organization", "RelatedPerson", "Task", "Questionnaire",
            "QuestionnaireResponse", "Observation", "ServiceRequest", "CarePlan", "PlanDefinition",
            "ActivityDefinition", "ValueSet", "Appointment", "AppointmentResponse", "Communication", "Consent",
            "Endpoint", "AuditEvent",
        ]
        #expect(Set(Self.types) == Set(documented))
    }

    @Test("no duplicate parameter names; every parameter has paths and documentation; no _id/_lastUpdated",
          arguments: types)
    func parametersWellFormed(type: String) throws {
        let definition = try Self.definition(type)
        let names = definition.searchParameters.map(\.name)
        #expect(Set(names).count == names.count, "\(type) has a duplicate parameter: \(names)")
        for parameter in definition.searchParameters {
            #expect(!parameter.paths.isEmpty, "\(type).\(parameter.name) has no path")
            #expect(!parameter.documentation.isEmpty, "\(type).\(parameter.name) has no documentation")
            #expect(!parameter.name.hasPrefix("_"), "\(type).\(parameter.name): common parameters are implicit")
            if parameter.kind != .reference {
                #expect(parameter.targets.isEmpty, "\(type).\(parameter.name): targets on a non-reference")
            }
            for target in parameter.targets {
                #expect(ResourceCatalog.definition(target) != nil, "\(type).\(parameter.name) targets unserved \(target)")
            }
            #expect(parameter.definitionCanonical(resourceType: type) == "http://hl7.org/fhir/SearchParameter/\(type)-\(parameter.name)")
        }
    }

    @Test("every _include name is a reference parameter of that type", arguments: types)
    func includesAreReferences(type: String) throws {
        let definition = try Self.definition(type)
        #expect(Set(definition.includes).count == definition.includes.count)
        for name in definition.includes {
            let parameter = definition.searchParameter(name)
            #expect(parameter?.kind == .reference, "\(type) includes '\(name)', which is not a reference parameter")
        }
    }

    @Test("every _revinclude Type:param names a served type whose param is a reference that can point here",
          arguments: types)
    func revIncludesResolve(type: String) throws {
        let definition = try Self.definition(type)
        for value in definition.revIncludes {
            let parts = value.split(separator: ":").map(String.init)
            try #require(parts.count == 2, "\(type): '\(value)' is not Type:param")
            let source = ResourceCatalog.definition(parts[0])
            #expect(source != nil, "\(type): _revinclude source \(parts[0]) is not served")
            let parameter = source?.searchParameter(parts[1])
            #expect(parameter?.kind == .reference, "\(type): \(value) is not a reference parameter")
            if let targets = parameter?.targets, !targets.isEmpty {
                #expect(targets.contains(type), "\(type): \(value) can only point at \(targets)")
            }
        }
    }

    @Test("a patient-compartment parameter is a reference parameter targeting Patient", arguments: types)
    func compartmentParameter(type: String) throws {
        let definition = try Self.definition(type)
        switch definition.ownership {
        case .patientCompartment(let name):
            let parameter = try #require(definition.searchParameter(name), "\(type): compartment parameter '\(name)' missing")
            #expect(parameter.kind == .reference)
            #expect(parameter.targets == ["Patient"], "\(type).\(name) targets \(parameter.targets)")
        case .patient:
            #expect(type == "Patient")
        case .organization, .shared:
            // Types with a `patient` parameter are patient data and must be in the compartment.
            #expect(definition.searchParameter("patient") == nil, "\(type) has a patient parameter but is not patient data")
        }
    }

    @Test("patient and provider interactions are subsets of what the type offers", arguments: types)
    func roleInteractionsAreSubsets(type: String) throws {
        let definition = try Self.definition(type)
        let offered = Set(definition.interactions)
        #expect(offered.count == definition.interactions.count, "\(type) lists an interaction twice")
        #expect(definition.patientInteractions.isSubset(of: offered),
                "\(type): patient-side \(definition.patientInteractions.subtracting(offered)) not offered")
        #expect(definition.providerInteractions.isSubset(of: offered),
                "\(type): provider \(definition.providerInteractions.subtracting(offered)) not offered")
        for interaction in definition.interactions {
            #expect(definition.supports(interaction))
        }
    }

    @Test("what docs/API.md promises the patient side may write")
    func patientSideWrites() throws {
        #expect(try Self.definition("QuestionnaireResponse").patientInteractions.isSuperset(of: [.create, .update]))
        #expect(try Self.definition("Observation").patientInteractions.contains(.create))
        #expect(try Self.definition("Communication").patientInteractions.contains(.create))
        #expect(try Self.definition("AppointmentResponse").patientInteractions.contains(.create))
        #expect(try Self.definition("Task").patientInteractions.isSuperset(of: [.update, .patch]))
        #expect(!(try Self.definition("Task").patientInteractions.contains(.delete)))
        #expect(!(try Self.definition("Task").patientInteractions.contains(.create)))
        #expect(try Self.definition("Endpoint").patientInteractions.isEmpty)
    }

    @Test("PATCH only on Task; Consent read-only; AuditEvent search-only")
    func specialTypes() throws {
        for definition in ResourceCatalog.definitions {
            #expect(definition.supports(.patch) == (definition.type == "Task"), "\(definition.type)")
        }
        let consent = try Self.definition("Consent")
        #expect(!consent.supports(.create) && !consent.supports(.update) && !consent.supports(.delete))
        #expect(try Self.definition("AuditEvent").interactions == [.searchType])
    }

    @Test("the PGO pickup query's parameters exist on Task (MedMij Aanbiedertaken)")
    func pickupQuery() throws {
        let task = try Self.definition("Task")
        #expect(task.searchParameter("patient")?.kind == .reference)
        #expect(task.searchParameter("status")?.kind == .token)
        #expect(task.includes.contains("focus"))
    }

    /// A search on the compartment parameter tells the store the patient of every match (`patientOfMatches`),
    /// which holds only where a resource can name one patient there. The validator refuses a second value on an
    /// element that does not repeat; a type whose compartment element repeats must say `severalPatients`.
    @Test("a compartment names one patient unless the type says severalPatients, and the validator holds it to that")
    func onePatientPerCompartment() throws {
        let two: JSON = [["reference": "Patient/a"], ["reference": "Patient/b"]]
        for definition in ResourceCatalog.definitions where definition.storage == .resources {
            guard case .patientCompartment(let name) = definition.ownership else { continue }
            let parameter = try #require(definition.searchParameter(name), "\(definition.type).\(name)")
            for path in parameter.paths {
                // Two patients at `path`: an array at its first step (each entry naming one patient below it).
                let steps = path.split(separator: ".").map(String.init)
                let below = steps.dropFirst()
                let entries: [JSON] = two.arrayValue!.map { reference in
                    below.reversed().reduce(reference) { inner, step in JSON.object([step: inner]) }
                }
                let resource: JSONObject = ["resourceType": .string(definition.type), steps[0]: .array(entries)]
                let refused = FHIRValidator.validate(resource).contains {
                    $0.code == .elementTypeInvalid && $0.expression == "\(definition.type).\(steps[0])"
                }
                #expect(refused == !definition.severalPatients, "\(definition.type).\(path)")
            }
        }
    }
}
