import FHIR
import ZorgbrugCore

/// Builds `/fhir/metadata` from `ResourceCatalog`, the same table that drives routing, search and authorization,
/// so the statement cannot claim what the server does not do (https://hl7.org/fhir/R4/capabilitystatement.html).
/// The shape comes from the FHIR target's typed `CapabilityStatement`.
package enum CapabilityStatementBuilder {
    /// The CapabilityStatement for a server reachable at `baseURL` (the FHIR base), with the server's software version.
    /// `date` is a FHIR dateTime (the server's start instant).
    package static func build(baseURL: String, softwareVersion: String, date: String, operations: [OperationDefinitionSummary]) -> JSONObject {
        var statement = CapabilityStatement()
        statement.status = .active
        statement.date = FHIRDateTime(date)
        statement.publisher = "Zorgbrug"
        statement.kind = "instance"
        statement.software = .init(name: "Zorgbrug", version: softwareVersion)
        statement.implementation = .init(description: "Zorgbrug care-module exchange", url: baseURL)
        statement.fhirVersion = "4.0.1"
        statement.format = ["application/fhir+json", "json"]
        statement.patchFormat = ["application/json-patch+json"]
        let security = CapabilityStatement.Rest.Security(
            cors: false,
            service: [CodeableConcept(coding: [Coding(system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR")])],
            description: "OAuth2 bearer tokens from /oauth/token (client_credentials with client_secret_basic or private_key_jwt; connect-code and refresh_token grants). See /.well-known/smart-configuration.")
        let resources = ResourceCatalog.definitions.map { resource($0, operations: operations) }
        statement.rest = [CapabilityStatement.Rest(mode: .server, security: security, resource: resources)]
        return statement.json
    }

    private static func resource(_ definition: ResourceDefinition, operations: [OperationDefinitionSummary]) -> CapabilityStatement.Rest.Resource {
        var resource = CapabilityStatement.Rest.Resource(type: definition.type, interactions: definition.interactions.map(interaction))
        let versioned = definition.storage == .resources
        resource.versioning = versioned ? .versioned : .noVersion
        resource.readHistory = versioned
        resource.updateCreate = false
        resource.conditionalCreate = definition.supports(.create)
        resource.conditionalUpdate = false
        resource.conditionalDelete = .notSupported
        if definition.supports(.searchType) {
            let common: [CapabilityStatement.Rest.SearchParam] = versioned
                ? [
                    .init(name: "_id", type: .token, documentation: "Logical id."),
                    .init(name: "_lastUpdated", type: .date, documentation: "When the resource last changed (gt, ge, lt, le, eq, ne, sa, eb)."),
                ]
                : []
            resource.searchParam =
                common
                + definition.searchParameters.map { parameter in
                    .init(
                        name: parameter.name, definition: parameter.definitionCanonical(resourceType: definition.type),
                        type: searchParamType(parameter.kind), documentation: parameter.documentation)
                }
        }
        resource.searchInclude = definition.includes.map { "\(definition.type):\($0)" }
        resource.searchRevInclude = definition.revIncludes
        resource.operation = operations.filter { $0.resourceTypes.contains(definition.type) }.map {
            .init(name: $0.name, definition: $0.definition)
        }
        return resource
    }

    private static func interaction(_ interaction: Interaction) -> CapabilityStatement.TypeInteraction {
        switch interaction {
        case .read: .read
        case .vread: .vread
        case .update: .update
        case .patch: .patch
        case .delete: .delete
        case .historyInstance: .historyInstance
        case .historyType: .historyType
        case .create: .create
        case .searchType: .searchType
        }
    }

    private static func searchParamType(_ kind: SearchParameterDefinition.Kind) -> CapabilityStatement.SearchParamType {
        switch kind {
        case .token: .token
        case .string: .string
        case .reference: .reference
        case .date: .date
        case .uri: .uri
        }
    }
}

/// An operation the server offers, for the CapabilityStatement.
package struct OperationDefinitionSummary: Sendable, Hashable {
    package let name: String
    package let definition: String
    package let resourceTypes: [String]

    package init(name: String, definition: String, resourceTypes: [String]) {
        self.name = name
        self.definition = definition
        self.resourceTypes = resourceTypes
    }
}
