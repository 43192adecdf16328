import FHIR
import Foundation
import HTTPServer
import ZorgbrugCore
import ZorgbrugStore

/// FHIR operations (`$name`) and the audit trail read: one handler each, over `IdentityService`.
package struct OperationHandlers: Sendable {
    package let identity: IdentityService
    package let service: ResourceService
    package let configuration: APIConfiguration
    package let audit: AuditTrail

    package init(identity: IdentityService, service: ResourceService, configuration: APIConfiguration, audit: AuditTrail) {
        self.identity = identity
        self.service = service
        self.configuration = configuration
        self.audit = audit
    }

    /// The operations for the CapabilityStatement.
    package static let summaries: [OperationDefinitionSummary] = [
        OperationDefinitionSummary(name: "connect-code", definition: "http://zorgbrug.nl/fhir/OperationDefinition/Patient-connect-code", resourceTypes: ["Patient"]),
        OperationDefinitionSummary(name: "delegate", definition: "http://zorgbrug.nl/fhir/OperationDefinition/Patient-delegate", resourceTypes: ["Patient"]),
        OperationDefinitionSummary(name: "revoke", definition: "http://zorgbrug.nl/fhir/OperationDefinition/Consent-revoke", resourceTypes: ["Consent"]),
    ]

    func instance(_ type: String, _ id: String, _ name: String, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        switch (type, name, request.method) {
        case ("Patient", "connect-code", .post):
            let parameters = try optionalParameters(request)
            let related = try parameters.referenceID("relatedPerson", type: "RelatedPerson")
            let days = try parameters.integer("validDays", range: 1...30)
            let issued = try await identity.issueConnectCode(patientID: id, relatedPersonID: related, validDays: days, caller: caller, trace: context.trace)
            return FHIRResponses.json(Self.codeParameters(issued))
        case ("Patient", "delegate", .post):
            let parameters = try optionalParameters(request)
            guard let name = try parameters.string("name"), !name.isEmpty, name.count <= 200 else {
                throw ZorgbrugError(.resourceInvalid, expression: ["Parameters.parameter.where(name='name')"],
                                    arguments: ["problem": "give the caregiver's name as parameter 'name' (valueString)"])
            }
            let relationship = try parameters.string("relationship").map { code -> DelegateRelationship in
                guard let value = DelegateRelationship(rawValue: code) else {
                    throw ZorgbrugError(.resourceInvalid, expression: ["Parameters.parameter.where(name='relationship')"],
                                        arguments: ["problem": "relationship is one of caregiver, parent, guardian"])
                }
                return value
            } ?? .caregiver
            let issued = try await identity.delegate(
                patientID: id, name: name, relationship: relationship, caller: caller, trace: context.trace, newID: service.newID())
            return FHIRResponses.json(Self.codeParameters(issued))
        case ("Consent", "revoke", .post):
            let consent = try await identity.revokeConsent(consentID: id, caller: caller, trace: context.trace)
            return FHIRResponses.resource(consent, baseURL: configuration.fhirBaseURL(for: request))
        default:
            throw ZorgbrugError(.routeNotFound, arguments: ["path": request.path])
        }
    }

    func type(_ type: String, _ name: String, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        _ = try context.requireCaller()
        throw ZorgbrugError(.routeNotFound, arguments: ["path": request.path])
    }

    /// `GET /fhir/AuditEvent?patient=…[&date=ge…][&agent=clientId][&_count=…]`.
    func auditEvents(_ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        var patientID = caller.patientID
        var since: Int64?
        var agent: String?
        var count = SearchRequestParser.defaultCount
        var afterSeq: Int64?
        var echo: [(name: String, value: String)] = []
        for (name, value) in request.query {
            func invalid(_ reason: String) -> ZorgbrugError { .searchParameterInvalid(name, value, reason) }
            switch name {
            case "patient":
                let id = value.hasPrefix("Patient/") ? String(value.dropFirst(8)) : value
                guard ResourceID.isValid(id) else { throw invalid("use Patient/<id> or an id") }
                if let own = caller.patientID, own != id {
                    throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Patient", "id": id])
                }
                patientID = id
            case "date":
                guard value.hasPrefix("ge") || value.hasPrefix("gt"), let range = FHIRDateRange.parse(String(value.dropFirst(2))) else {
                    throw invalid("use date=ge<date> (records on or after)")
                }
                since = value.hasPrefix("gt") ? range.high : range.low
            case "agent":
                guard !value.isEmpty, value.count <= 128 else { throw invalid("give a client id") }
                agent = value
            case "_count":
                count = try PageLink.count(value, name: name)
            case "_cursor":
                guard let seq = Int64(value), seq >= 0 else { throw ZorgbrugError(.searchCursorInvalid) }
                afterSeq = seq
                continue
            default:
                throw ZorgbrugError(.searchParameterUnknown, expression: [name],
                                    arguments: ["parameter": name, "type": "AuditEvent", "supported": "patient, date, agent, _count"])
            }
            echo.append((name, value))
        }
        guard let patientID else {
            throw ZorgbrugError(.searchParameterInvalid, expression: ["patient"],
                                arguments: ["parameter": "patient", "value": "", "reason": "providers search the audit trail per patient: add patient=<id>"])
        }
        let page = try await identity.auditEvents(patientID: patientID, since: since, agentClientID: agent, afterSeq: afterSeq, count: count, caller: caller)
        try await audit.record(AuditEntry(
            interaction: .search, clientID: caller.clientID, actor: caller.actorReference, patientID: patientID,
            resourceType: "AuditEvent", resourceID: nil, trace: context.trace))
        let base = configuration.fhirBaseURL(for: request)
        func link(_ cursor: Int64?) -> String {
            PageLink.url(base: base, path: "AuditEvent", parameters: echo, cursor: cursor.map(String.init))
        }
        let bundle = BundleBuilder.searchset(
            resources: page.events, total: nil, selfURL: link(afterSeq), nextURL: page.lastSeq.map(link), baseURL: base)
        return FHIRResponses.json(bundle)
    }

    private func optionalParameters(_ request: HTTPRequest) throws -> ParametersReader {
        guard !request.body.isEmpty else { return ParametersReader(parameters: []) }
        let resource = try RequestBody.resource(from: request, expectedType: "Parameters", maxDepth: configuration.maxJSONDepth)
        return ParametersReader(parameters: resource["parameter"]?.arrayValue ?? [])
    }

    static func codeParameters(_ issued: IdentityService.IssuedCode) -> JSONObject {
        var parameters: [JSON] = [
            ["name": "code", "valueString": .string(issued.code)],
            ["name": "expires", "valueInstant": .string(FHIRInstant.format(milliseconds: issued.expiresAt))],
            ["name": "patient", "valueReference": ["reference": .string("Patient/\(issued.patientID)")]],
        ]
        if let related = issued.relatedPersonID {
            parameters.append(["name": "relatedPerson", "valueReference": ["reference": .string("RelatedPerson/\(related)")]])
        }
        return ["resourceType": "Parameters", "parameter": .array(parameters)]
    }
}

/// Reads named values from a FHIR `Parameters` resource, with errors that name the parameter.
struct ParametersReader {
    let parameters: [JSON]

    func value(_ name: String) -> JSONObject? {
        parameters.first { $0["name"]?.stringValue == name }?.objectValue
    }

    func string(_ name: String) throws -> String? {
        guard let parameter = value(name) else { return nil }
        guard let text = parameter["valueString"]?.stringValue ?? parameter["valueCode"]?.stringValue else {
            throw ZorgbrugError(.resourceInvalid, expression: ["Parameters.parameter.where(name='\(name)')"],
                                arguments: ["problem": "'\(name)' must be a valueString"])
        }
        return text
    }

    func integer(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let parameter = value(name) else { return nil }
        guard let number = parameter["valueInteger"]?.numberValue?.int ?? parameter["valuePositiveInt"]?.numberValue?.int,
            range.contains(number)
        else {
            throw ZorgbrugError(.resourceInvalid, expression: ["Parameters.parameter.where(name='\(name)')"],
                                arguments: ["problem": "'\(name)' must be a valueInteger from \(range.lowerBound) to \(range.upperBound)"])
        }
        return number
    }

    func referenceID(_ name: String, type: String) throws -> String? {
        guard let parameter = value(name) else { return nil }
        guard let reference = parameter["valueReference"]?["reference"]?.stringValue, reference.hasPrefix("\(type)/"),
            ResourceID.isValid(reference.dropFirst(type.count + 1))
        else {
            throw ZorgbrugError(.resourceInvalid, expression: ["Parameters.parameter.where(name='\(name)')"],
                                arguments: ["problem": "'\(name)' must be a valueReference to \(type)/<id>"])
        }
        return String(reference.dropFirst(type.count + 1))
    }
}
