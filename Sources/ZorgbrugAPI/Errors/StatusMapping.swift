import ZorgbrugCore

/// The one table that says which HTTP status each catalog code is answered with.
package enum StatusMapping {
    /// The HTTP status for `code`; 500 for codes without an entry (there should be none: tested).
    package static func status(for code: ErrorCode) -> Int {
        table[code] ?? 500
    }

    /// Every code that has a status, for the coverage test against the catalog.
    package static var mappedCodes: Set<ErrorCode> { Set(table.keys) }

    private static let table: [ErrorCode: Int] = [
        .jsonInvalid: 400,
        .jsonTooDeep: 400,
        .contentTypeUnsupported: 415,
        .formatNotAcceptable: 406,
        .bodyMissing: 400,
        .bodyTooLarge: 413,
        .resourceTypeMismatch: 400,
        .resourceTypeUnknown: 404,
        .resourceIdMismatch: 400,
        .resourceInvalid: 422,
        .referenceNotFound: 422,
        .tooManyEntries: 413,
        .routeNotFound: 404,
        .methodNotAllowed: 405,
        .interactionNotSupported: 405,
        .resourceNotFound: 404,
        .versionNotFound: 404,
        .resourceGone: 410,
        .ifMatchRequired: 428,
        .ifMatchInvalid: 400,
        .versionConflict: 412,
        .conditionalMultipleMatches: 412,
        .idempotencyKeyReused: 422,
        .idempotencyKeyInvalid: 400,
        .searchParameterUnknown: 400,
        .searchParameterInvalid: 400,
        .searchCursorInvalid: 400,
        .tooManyRequests: 429,
        .tooManyConnections: 503,
        .shuttingDown: 503,
        .requestTimeout: 408,
        .headersTooLarge: 431,
        .storageBusy: 503,
        .internalError: 500,
        .authenticationRequired: 401,
        .tokenInvalid: 401,
        .tokenExpired: 401,
        .consentRevoked: 403,
        .consentExpired: 403,
        .delegationEnded: 403,
        .interactionForbidden: 403,
        .operatorOnly: 403,
    ]
}
