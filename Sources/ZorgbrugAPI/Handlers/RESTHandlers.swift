import Credentials
import FHIR
import HTTPServer
import ZorgbrugCore
import ZorgbrugStore

/// The FHIR RESTful interactions: each handler parses the request, makes one service call, and encodes.
package struct RESTHandlers: Sendable {
    package let service: ResourceService
    package let configuration: APIConfiguration

    package init(service: ResourceService, configuration: APIConfiguration) {
        self.service = service
        self.configuration = configuration
    }

    func read(_ type: String, _ id: String, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        let stored = try await service.read(type: type, id: id, caller: caller, trace: context.trace)
        if let ifNoneMatch = request.headers["If-None-Match"], ETag.version(ifNoneMatch) == stored.versionId {
            return HTTPResponse(status: 304, headers: FHIRResponses.versionHeaders(stored))
        }
        return FHIRResponses.resource(stored, baseURL: configuration.fhirBaseURL(for: request))
    }

    func vread(_ type: String, _ id: String, _ version: String, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        guard let versionID = Int(version), versionID > 0 else {
            throw ZorgbrugError(.versionNotFound, arguments: ["type": type, "id": id, "version": version])
        }
        let stored = try await service.vread(type: type, id: id, version: versionID, caller: caller, trace: context.trace)
        return FHIRResponses.resource(stored, baseURL: configuration.fhirBaseURL(for: request))
    }

    func create(_ type: String, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        _ = try service.definition(type)
        let resource = try RequestBody.resource(from: request, expectedType: type, maxDepth: configuration.maxJSONDepth)
        let baseURL = configuration.fhirBaseURL(for: request)
        let minimal = request.headers["Prefer"]?.contains("return=minimal") == true
        let render: @Sendable (ResourceService.CreateResult) -> HTTPResponse = { result in
            var response = FHIRResponses.resource(result.resource, status: result.created ? 201 : 200, location: true, baseURL: baseURL)
            if minimal { response.body = [] }
            return response
        }
        var idempotency: IdempotencyRequest?
        if let key = request.headers["Idempotency-Key"] {
            guard IdempotencyRequest.isValidKey(key) else { throw ZorgbrugError(.idempotencyKeyInvalid) }
            let hash = SecretHasher.sha256Hex(Array("POST /fhir/\(type)\n".utf8) + request.body)
            if let replay = try await replayIdempotent(clientID: caller.clientID, key: key, hash: hash, caller: caller, context: context) { return replay }
            idempotency = IdempotencyRequest(clientID: caller.clientID, key: key, requestHash: hash, render: render)
        }
        do {
            let result = try await service.create(
                type: type, resource: resource, ifNoneExist: request.headers["If-None-Exist"], idempotency: idempotency,
                caller: caller, trace: context.trace)
            return render(result)
        } catch let error as StoreError where idempotency != nil && error.code == .duplicate {
            // A concurrent request with the same key won the race: answer with its response.
            if let idempotency, let replay = try await replayIdempotent(clientID: caller.clientID, key: idempotency.key, hash: idempotency.requestHash, caller: caller, context: context) {
                return replay
            }
            throw error
        }
    }

    private func replayIdempotent(clientID: String, key: String, hash: String, caller: Caller, context: ZorgbrugContext) async throws -> HTTPResponse? {
        guard let record = try await service.store.read({ reader in try reader.idempotencyRecord(clientID: clientID, key: key) }) else {
            return nil
        }
        // Keys are kept 24 hours; an older record (not yet purged) no longer counts.
        guard record.createdAt >= service.audit.clock() - IdempotencyRequest.retention else { return nil }
        guard record.requestHash == hash else { throw ZorgbrugError(.idempotencyKeyReused, arguments: ["key": key]) }
        // A replay hands out the stored resource again: audited as a read of it.
        if case .object(let body)? = try? JSONParser().parse(record.body), let type = body["resourceType"]?.stringValue,
            let id = body["id"]?.stringValue,
            let stored = try await service.store.read({ reader in try reader.current(type: type, id: id) })
        {
            try await service.audit.record(AuditEntry(interaction: .read, resource: stored, caller: caller, trace: context.trace))
        }
        var headers = HTTPHeaders(record.headers)
        headers.set(name: "Idempotency-Replayed", value: "true")
        return HTTPResponse(status: record.status, headers: headers, body: record.body)
    }

    func update(_ type: String, _ id: String, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        _ = try service.definition(type)
        let version = try ETag.requireIfMatch(request)
        let resource = try RequestBody.resource(from: request, expectedType: type, maxDepth: configuration.maxJSONDepth)
        let stored = try await service.update(type: type, id: id, resource: resource, ifMatch: version, caller: caller, trace: context.trace)
        return FHIRResponses.resource(stored, baseURL: configuration.fhirBaseURL(for: request))
    }

    func patch(_ type: String, _ id: String, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        _ = try service.definition(type)
        let version = try ETag.requireIfMatch(request)
        try RequestBody.requireContentType(request, accepted: ["application/json-patch+json"], expected: "application/json-patch+json")
        let patch = try JSONPatch(json: RequestBody.parse(request.body, maxDepth: configuration.maxJSONDepth))
        let stored = try await service.patch(type: type, id: id, patch: patch, ifMatch: version, caller: caller, trace: context.trace)
        return FHIRResponses.resource(stored, baseURL: configuration.fhirBaseURL(for: request))
    }

    func delete(_ type: String, _ id: String, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        try await service.delete(type: type, id: id, caller: caller, trace: context.trace)
        return HTTPResponse(status: 204)
    }

    func search(_ type: String, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        let (search, result) = try await service.search(type: type, parameters: request.query, caller: caller, trace: context.trace)
        let baseURL = configuration.fhirBaseURL(for: request)
        let selfURL = PageLink.url(base: baseURL, path: type, parameters: search.echo, cursor: search.query.cursor?.token)
        let nextURL = result.next.map { PageLink.url(base: baseURL, path: type, parameters: search.echo, cursor: $0.token) }
        return FHIRResponses.json(
            body: BundleBuilder.searchsetBody(
                matches: result.matches, included: result.included, total: result.total, selfURL: selfURL, nextURL: nextURL,
                baseURL: baseURL))
    }

    func history(_ type: String, _ id: String?, _ request: HTTPRequest, _ context: ZorgbrugContext) async throws -> HTTPResponse {
        let caller = try context.requireCaller()
        var since: Int64?
        var count = SearchRequestParser.defaultCount
        var cursor: HistoryCursor?
        var echo: [(name: String, value: String)] = []
        for (name, value) in request.query {
            func invalid(_ reason: String) -> ZorgbrugError { .searchParameterInvalid(name, value, reason) }
            switch name {
            case "_since":
                guard let range = FHIRDateRange.parse(value), value.count > 10 else { throw invalid("use an instant such as 2026-11-23T10:00:00Z") }
                since = range.low
            case "_count":
                count = try PageLink.count(value, name: name)
            case "_cursor":
                guard let c = HistoryCursor(token: value) else { throw ZorgbrugError(.searchCursorInvalid) }
                cursor = c
                continue
            case "_format":
                guard value.contains("json") else { throw invalid("only JSON is supported") }
            default:
                throw ZorgbrugError(.searchParameterUnknown, expression: [name],
                                    arguments: ["parameter": name, "type": type, "supported": "_since, _count"])
            }
            echo.append((name, value))
        }
        let page = try await service.history(type: type, id: id, since: since, count: count, cursor: cursor, caller: caller, trace: context.trace)
        let baseURL = configuration.fhirBaseURL(for: request)
        let path = id.map { "\(type)/\($0)/_history" } ?? "\(type)/_history"
        let selfURL = PageLink.url(base: baseURL, path: path, parameters: echo, cursor: cursor?.token)
        let nextURL = page.next.map { PageLink.url(base: baseURL, path: path, parameters: echo, cursor: $0.token) }
        return FHIRResponses.json(BundleBuilder.history(versions: page.versions, selfURL: selfURL, nextURL: nextURL, baseURL: baseURL))
    }

}

extension ZorgbrugContext {
    /// The authenticated caller, or `authentication-required`.
    package func requireCaller() throws -> Caller {
        guard let caller else { throw ZorgbrugError(.authenticationRequired) }
        return caller
    }

    /// The trace ids of this request.
    package var trace: TraceIDs {
        TraceIDs(requestID: requestID, correlationID: correlationID, traceID: traceID, remoteAddress: remoteAddress)
    }
}
