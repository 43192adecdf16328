import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// Drift between `/fhir/metadata` and what the server really does, seen from outside as an integrator would: the
/// listing is read at test time, so a new type, parameter, include or operation becomes a case here by itself.
@Suite("CapabilityStatement drift")
struct CapabilityStatementTests {
    @Test("metadata answers without a token, validates, and is consistent with itself")
    func wellFormed() async throws {
        try await withServer { server in
            let response = try await server.client().get(path: "metadata")
            #expect(response.status == 200, "\(response.text)")
            #expect(response.headers["Content-Type"]?.hasPrefix("application/fhir+json") == true)
            let statement = try #require(response.resource)
            let issues = FHIRValidator.validate(statement)
            #expect(issues.isEmpty, "\(issues)")
            #expect(statement["resourceType"]?.stringValue == "CapabilityStatement")
            #expect(statement["fhirVersion"]?.stringValue == "4.0.1")
            #expect(statement["kind"]?.stringValue == "instance")
            #expect(statement["implementation"]?["url"]?.stringValue == server.baseURL + "/fhir")
            let formats = statement["format"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(formats.contains("application/fhir+json") || formats.contains("json"))
            let rest = statement["rest"]?.arrayValue ?? []
            #expect(rest.count == 1)
            #expect(rest.first?["mode"]?.stringValue == "server")

            // The security section names SMART on FHIR: its discovery document and token endpoint must exist.
            let services = rest.first?["security"]?["service"]?.arrayValue ?? []
            if services.contains(where: { $0["coding"]?.arrayValue?.contains { $0["code"]?.stringValue == "SMART-on-FHIR" } == true }) {
                let smart = try await server.client().get(path: "/.well-known/smart-configuration")
                #expect(smart.status == 200)
                let tokenURL = try #require(smart.resource?["token_endpoint"]?.stringValue)
                let token = try await server.client().post(path: tokenURL, form: [("grant_type", "client_credentials")])
                #expect(token.status == 401 || token.status == 400, "token endpoint: \(token.status) \(token.text)")
            }

            let listing = try Listing(statement)
            #expect(!listing.resources.isEmpty)
            let types = listing.resources.map(\.type)
            #expect(Set(types).count == types.count, "a type is listed twice: \(types)")
            for resource in listing.resources {
                let type = resource.type
                #expect(ResourceType(rawValue: type) != nil, "\(type) is not a FHIR R4 resource type Zorgbrug models")
                #expect(!resource.interactions.isEmpty, "\(type) lists no interaction")
                #expect(resource.interactions.isSubset(of: Listing.interactionCodes), "\(type): \(resource.interactions)")
                let names = resource.searchParams.map(\.name)
                #expect(Set(names).count == names.count, "\(type) lists a search parameter twice: \(names)")
                if !resource.searchParams.isEmpty || !resource.includes.isEmpty || !resource.revIncludes.isEmpty {
                    #expect(resource.interactions.contains("search-type"), "\(type) lists search details without search-type")
                }
                for parameter in resource.searchParams {
                    #expect(Listing.searchParamTypes.contains(parameter.type), "\(type).\(parameter.name): type \(parameter.type)")
                }
                // searchInclude is `Type:param` on this type, with `param` a listed reference parameter.
                for include in resource.includes {
                    let parts = include.split(separator: ":").map(String.init)
                    #expect(parts.count == 2 && parts[0] == type, "\(type) searchInclude \(include)")
                    if parts.count == 2 {
                        #expect(resource.parameter(parts[1])?.type == "reference", "\(type) searchInclude \(include): not a listed reference parameter")
                    }
                }
                // searchRevInclude is `Source:param`, with `param` a listed reference parameter of a listed `Source`.
                for revInclude in resource.revIncludes {
                    let parts = revInclude.split(separator: ":").map(String.init)
                    #expect(parts.count == 2, "\(type) searchRevInclude \(revInclude)")
                    guard parts.count == 2 else { continue }
                    let source = listing.resources.first { $0.type == parts[0] }
                    #expect(source != nil, "\(type) searchRevInclude \(revInclude): \(parts[0]) is not listed")
                    #expect(source?.parameter(parts[1])?.type == "reference", "\(type) searchRevInclude \(revInclude): no such reference parameter")
                }
            }
        }
    }

    @Test("Every listed type answers every listed interaction, and interactions not listed answer 405")
    func interactions() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let listing = try await Listing.fetch(server)
            let provider = world.providerA
            for resource in listing.resources {
                for interaction in Listing.interactionCodes.sorted() {
                    let response = try await Self.probe(interaction, on: resource.type, with: provider)
                    let what = "\(interaction) on \(resource.type): \(response.status) \(response.errorCode ?? "") \(response.text.prefix(300))"
                    if resource.interactions.contains(interaction) {
                        #expect(response.status != 405, "listed but refused — \(what)")
                        #expect(!Listing.routeLevelCodes.contains(response.errorCode ?? ""), "listed but not routed — \(what)")
                        #expect(response.status < 500, "\(what)")
                    } else {
                        #expect(response.status == 405, "not listed but not refused — \(what)")
                        #expect(["interaction-not-supported", "method-not-allowed"].contains(response.errorCode ?? ""), "\(what)")
                    }
                }
                if resource.interactions.contains("search-type") {
                    let required = try await Self.requiredSearchParameters(resource, world: world)
                    let search = try await provider.search(type: resource.type, parameters: required)
                    #expect([200, 403].contains(search.status), "search on \(resource.type): \(search.status) \(search.text.prefix(300))")
                    if search.status == 200 {
                        #expect(search.resource?["resourceType"]?.stringValue == "Bundle")
                        #expect(search.resource?["type"]?.stringValue == "searchset")
                    }
                }
            }
            // Types the server models but does not list are not served either.
            let listed = Set(listing.resources.map(\.type))
            for type in ResourceType.allCases.map(\.rawValue).filter({ !listed.contains($0) }) + ["Medication", "Basic"] {
                let search = try await provider.search(type: type)
                #expect(search.status == 404 && search.errorCode == "resource-type-unknown",
                        "\(type) is not listed but GET /fhir/\(type) answered \(search.status) \(search.errorCode ?? "")")
                let read = try await provider.read(type: type, id: "drift-probe")
                #expect(read.status == 404 && read.errorCode == "resource-type-unknown",
                        "\(type) is not listed but GET /fhir/\(type)/drift-probe answered \(read.status) \(read.errorCode ?? "")")
            }
        }
    }

    @Test("Every listed searchParam is accepted with a well-formed value of its type; an unlisted one is refused")
    func searchParameters() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let listing = try await Listing.fetch(server)
            var probed = 0
            for resource in listing.resources where resource.interactions.contains("search-type") {
                let required = try await Self.requiredSearchParameters(resource, world: world)
                for parameter in resource.searchParams {
                    let value = try #require(Listing.sampleValue[parameter.type], "no sample value for type \(parameter.type)")
                    let parameters = required.filter { $0.0 != parameter.name } + [(parameter.name, value)]
                    let response = try await world.providerA.search(type: resource.type, parameters: parameters)
                    let what = "\(resource.type)?\(parameter.name)=\(value) (\(parameter.type)): \(response.status) \(response.errorCode ?? "") \(response.text.prefix(300))"
                    if Self.knownDrift.contains("\(resource.type).\(parameter.name)") {
                        withKnownIssue("listed in metadata but refused by the search endpoint") {
                            #expect(response.errorCode != "search-parameter-unknown", "listed but unknown — \(what)")
                        }
                    } else {
                        #expect(response.errorCode != "search-parameter-unknown", "listed but unknown — \(what)")
                    }
                    #expect(response.status < 500, "\(what)")
                    #expect([200, 400, 403, 404].contains(response.status), "\(what)")
                    probed += 1
                }
                // A parameter the listing does not name is refused, never silently ignored.
                let listedNames = Set(resource.searchParams.map(\.name))
                for name in ["zz-not-listed", "_text", "_content", "_elements", "_has:Observation:patient:code"]
                where !listedNames.contains(String(name.prefix { $0 != ":" })) {
                    let response = try await world.providerA.search(type: resource.type, parameters: required + [(name, "x")])
                    #expect(response.status == 400 && response.errorCode == "search-parameter-unknown",
                            "\(resource.type)?\(name)=x is not listed but answered \(response.status) \(response.errorCode ?? "")")
                }
            }
            #expect(probed > 50, "only \(probed) search parameters probed")
        }
    }

    @Test("Every listed searchInclude and searchRevInclude is accepted; unlisted ones are refused")
    func includes() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let listing = try await Listing.fetch(server)
            var probed = 0
            for resource in listing.resources where resource.interactions.contains("search-type") {
                let required = try await Self.requiredSearchParameters(resource, world: world)
                for (name, values) in [("_include", resource.includes), ("_revinclude", resource.revIncludes)] {
                    for value in values {
                        let response = try await world.providerA.search(type: resource.type, parameters: required + [(name, value)])
                        #expect(response.status == 200, "\(resource.type)?\(name)=\(value): \(response.status) \(response.text.prefix(300))")
                        probed += 1
                    }
                    let unlisted = "\(resource.type):zz-not-listed"
                    let refused = try await world.providerA.search(type: resource.type, parameters: required + [(name, unlisted)])
                    #expect(refused.status == 400, "\(resource.type)?\(name)=\(unlisted) answered \(refused.status)")
                }
            }
            #expect(probed > 10, "only \(probed) includes probed")
        }
    }

    @Test("Every listed operation has a route; an unlisted one has none")
    func operations() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let listing = try await Listing.fetch(server)
            for resource in listing.resources {
                for operation in resource.operations + ["zz-not-listed"] {
                    let response = try await world.providerA.post(
                        path: "\(resource.type)/drift-probe/$\(operation)",
                        json: ["resourceType": "Parameters", "parameter": [["name": "name", "valueString": "x"]]])
                    let what = "POST \(resource.type)/drift-probe/$\(operation): \(response.status) \(response.errorCode ?? "")"
                    if operation == "zz-not-listed" {
                        #expect(response.status == 404 && response.errorCode == "route-not-found", "\(what)")
                    } else {
                        #expect(!Listing.routeLevelCodes.contains(response.errorCode ?? ""), "listed but not routed — \(what)")
                        #expect(response.status < 500, "\(what)")
                    }
                }
            }
        }
    }

    // MARK: Helpers

    /// `Type.param` that metadata lists but the search endpoint refuses as unknown: drift this test found and that is
    /// not fixed yet. CapabilityStatementBuilder lists `_id` and `_lastUpdated` for every searchable type, but
    /// `AuditEvent` is searched by OperationHandlers.auditEvents, which accepts only patient, date, agent and _count.
    /// Each entry runs under `withKnownIssue`, which fails once the drift is gone: then delete the entry.
    static let knownDrift: Set<String> = []

    /// One request for `interaction` on `type`, at an id that does not exist, with a body where one is needed.
    static func probe(_ interaction: String, on type: String, with client: FHIRClient) async throws -> FHIRClientResponse {
        let id = "drift-probe"
        switch interaction {
        case "read": return try await client.read(type: type, id: id)
        case "vread": return try await client.vread(type: type, id: id, version: "1")
        case "update":
            return try await client.update(type: type, id: id, resource: ["resourceType": .string(type), "id": .string(id)], ifMatch: "1")
        case "patch":
            return try await client.patch(
                type: type, id: id, jsonPatch: [["op": "add", "path": "/language", "value": "nl"]], ifMatch: "1")
        case "delete": return try await client.delete(type: type, id: id)
        case "history-instance": return try await client.get(path: "\(type)/\(id)/_history")
        case "history-type": return try await client.get(path: "\(type)/_history")
        case "create": return try await client.create(type: type, resource: ["resourceType": .string(type)])
        case "search-type": return try await client.search(type: type)
        default: throw Listing.Failure(description: "no probe for interaction \(interaction)")
        }
    }

    /// Parameters a provider's search on `resource` cannot do without (e.g. `AuditEvent?patient=`): found by
    /// searching without any, and taking the listed parameter a `search-parameter-invalid` answer names.
    static func requiredSearchParameters(_ resource: Listing.Resource, world: World) async throws -> [(String, String)] {
        let bare = try await world.providerA.search(type: resource.type)
        guard bare.status == 400 else { return [] }
        let named = bare.resource?["issue"]?.arrayValue?.first?["expression"]?.arrayValue?.first?.stringValue
        let parameter = try #require(
            named.flatMap { resource.parameter($0) },
            "search on \(resource.type) without parameters answered 400 not naming a listed parameter: \(bare.text)")
        #expect(bare.errorCode == "search-parameter-invalid", "\(bare.text)")
        let value = parameter.type == "reference" ? "Patient/\(world.patientA)" : Listing.sampleValue[parameter.type] ?? "x"
        return [(parameter.name, value)]
    }
}

/// `rest[0].resource` of a CapabilityStatement, read into plain values.
struct Listing {
    struct Resource {
        let type: String
        let interactions: Set<String>
        let searchParams: [(name: String, type: String)]
        let includes: [String]
        let revIncludes: [String]
        let operations: [String]

        func parameter(_ name: String) -> (name: String, type: String)? {
            searchParams.first { $0.name == name }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// FHIR R4 `TypeRestfulInteraction` codes.
    static let interactionCodes: Set<String> = [
        "read", "vread", "update", "patch", "delete", "history-instance", "history-type", "create", "search-type",
    ]
    /// FHIR R4 `SearchParamType` codes.
    static let searchParamTypes: Set<String> = [
        "number", "date", "string", "token", "reference", "composite", "quantity", "uri", "special",
    ]
    /// A well-formed value per search parameter type.
    static let sampleValue: [String: String] = [
        "token": "x", "string": "x", "reference": "Patient/x", "date": "2026-01-01", "uri": "http://x",
        "number": "1", "quantity": "1",
    ]
    /// Error codes that mean the address or method is not served at all.
    static let routeLevelCodes: Set<String> = [
        "route-not-found", "resource-type-unknown", "interaction-not-supported", "method-not-allowed",
    ]

    let resources: [Resource]

    init(_ statement: JSONObject) throws {
        guard let rest = statement["rest"]?.arrayValue?.first, let listed = rest["resource"]?.arrayValue else {
            throw Failure(description: "no rest[0].resource in the CapabilityStatement")
        }
        resources = try listed.map { entry in
            guard let type = entry["type"]?.stringValue else { throw Failure(description: "a resource without type: \(entry)") }
            func strings(_ key: String) -> [String] { entry[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
            return Resource(
                type: type,
                interactions: Set(entry["interaction"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []),
                searchParams: entry["searchParam"]?.arrayValue?.compactMap { parameter in
                    guard let name = parameter["name"]?.stringValue, let type = parameter["type"]?.stringValue else { return nil }
                    return (name, type)
                } ?? [],
                includes: strings("searchInclude"),
                revIncludes: strings("searchRevInclude"),
                operations: entry["operation"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
        }
    }

    /// The server's listing, fetched without a token.
    static func fetch(_ server: TestServer) async throws -> Listing {
        let response = try await server.client().get(path: "metadata")
        guard response.status == 200, let statement = response.resource else {
            throw Failure(description: "GET /fhir/metadata answered \(response.status): \(response.text)")
        }
        return try Listing(statement)
    }
}
