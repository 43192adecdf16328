import FHIR
import Foundation
import HTTPServer
import Logging
import ZorgbrugCore
import ZorgbrugStore

/// The assembled Zorgbrug API: services over one store, the middleware chain and the responder, ready to be
/// served by `HTTPServer` (or driven in-process by tests).
package struct ZorgbrugApp: Sendable {
    package typealias Responder = MiddlewareChain<ZorgbrugContext>

    package let store: ResourceStore
    package let audit: AuditTrail
    package let responder: Responder
    package let configuration: APIConfiguration
    package let identity: IdentityService

    /// Builds the app over `store`.
    /// - Parameters:
    ///   - clock: epoch milliseconds; injected so tests control token expiry and consent lapse.
    package init(
        store: ResourceStore, configuration: APIConfiguration, identity: IdentityService, logger: Logger,
        softwareVersion: String = ZorgbrugVersion.current, newID: @escaping @Sendable () -> String = { ResourceID.randomUUID() }
    ) {
        self.store = store
        self.configuration = configuration
        self.identity = identity
        let audit = AuditTrail(store: store, clock: identity.clock)
        self.audit = audit
        let service = ResourceService(store: store, audit: audit, maxDepth: configuration.maxJSONDepth, newID: newID)
        let metrics = RequestMetrics()
        let system = SystemHandlers(
            store: store, configuration: configuration, softwareVersion: softwareVersion,
            startedAt: FHIRInstant.format(milliseconds: identity.clock()), operations: OperationHandlers.summaries,
            metricsSource: { metrics.render() })
        let responder = APIResponder(
            rest: RESTHandlers(service: service, configuration: configuration),
            system: system,
            oauth: OAuthHandlers(identity: identity, configuration: configuration, audit: audit),
            operations: OperationHandlers(identity: identity, service: service, configuration: configuration, audit: audit))
        // Only behind trusted proxies does a request need attributing to another address than its peer's.
        let attribution: [any HTTPMiddleware<ZorgbrugContext>] =
            configuration.trustedProxies.isEmpty ? [] : [ClientAddressMiddleware(proxies: configuration.trustedProxies)]
        self.responder = MiddlewareChain(
            attribution + [
                MetricsMiddleware(metrics: metrics),
                TraceMiddleware(),
                ErrorMiddleware(logger: logger),
                AuthenticationMiddleware(authenticator: identity, audit: audit),
                RefusalAuditMiddleware(audit: audit, store: store, maxDepth: configuration.maxJSONDepth),
            ],
            responder: responder)
    }
}

/// The software version reported in the CapabilityStatement and `/health`.
package enum ZorgbrugVersion {
    package static let current = "0.1.0"
}
