import FHIR
import ZorgbrugCore

/// Builds `/fhir/metadata` from `ResourceCatalog`, the same table that drives routing, search and authorization,
/// so the statement cannot claim what the server does not do (https://hl7.org/fhir/R4/capabilitystatement.html).
package enum CapabilityStatementBuilder {
    /// The CapabilityStatement for a server reachable at `baseURL` (the FHIR base), with the server's software version.
    package static func build(baseURL: String, softwareVersion: String, date: String, operations: [OperationDefinitionSummary]) -> JSONObject {
        let resources: [JSON] = ResourceCatalog.definitions.map { definition in
            var resource: JSONObject = [
                "type": .string(definition.type),
                "interaction": .array(definition.interactions.map { ["code": .string($0.rawValue)] }),
                "versioning": "versioned",
                "readHistory": true,
                "updateCreate": false,
                "conditionalCreate": .bool(definition.supports(.create)),
                "conditionalUpdate": false,
                "conditionalDelete": "not-supported",
            ]
            let parameters: [JSON] =
                [
                    ["name": "_id", "type": "token", "documentation": "Logical id."],
                    ["name": "_lastUpdated", "type": "date", "documentation": "When the resource last changed (gt, ge, lt, le, eq, ne, sa, eb)."],
                ]
                + definition.searchParameters.map { parameter in
                    [
                        "name": .string(parameter.name),
                        "definition": .string(parameter.definitionCanonical(resourceType: definition.type)),
                        "type": .string(parameter.kind.rawValue),
                        "documentation": .string(parameter.documentation),
                    ]
                }
            if definition.supports(.searchType) { resource["searchParam"] = .array(parameters) }
            if !definition.includes.isEmpty {
                resource["searchInclude"] = .array(definition.includes.map { .string("\(definition.type):\($0)") })
            }
            if !definition.revIncludes.isEmpty {
                resource["searchRevInclude"] = .array(definition.revIncludes.map { .string($0) })
            }
            let own = operations.filter { $0.resourceTypes.contains(definition.type) }
            if !own.isEmpty {
                resource["operation"] = .array(own.map { ["name": .string($0.name), "definition": .string($0.definition)] })
            }
            return .object(resource)
        }
        return [
            "resourceType": "CapabilityStatement",
            "status": "active",
            "date": .string(date),
            "publisher": "Zorgbrug",
            "kind": "instance",
            "software": ["name": "Zorgbrug", "version": .string(softwareVersion)],
            "implementation": ["description": "Zorgbrug care-module exchange", "url": .string(baseURL)],
            "fhirVersion": "4.0.1",
            "format": ["application/fhir+json", "json"],
            "patchFormat": ["application/json-patch+json"],
            "rest": [
                [
                    "mode": "server",
                    "security": [
                        "cors": false,
                        "service": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/restful-security-service", "code": "SMART-on-FHIR"]]]],
                        "description": "OAuth2 bearer tokens from /oauth/token (client_credentials with client_secret_basic or private_key_jwt; connect-code and refresh_token grants). See /.well-known/smart-configuration.",
                    ],
                    "resource": .array(resources),
                ],
            ],
        ]
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
