/// The error catalog `http://zorgbrug.nl/fhir/CodeSystem/error`: for every code its FHIR IssueType and a text in
/// Dutch and English that says what went wrong and what to do.
///
/// Texts are templates: `{name}` is replaced by `ZorgbrugError.arguments["name"]` (missing ones by `?`).
/// The catalog is also published as a document (`docs/ERRORS.md`) and tested to cover every code.
package enum ErrorCatalog {
    /// One catalog entry.
    package struct Entry: Sendable {
        /// FHIR IssueType code (https://hl7.org/fhir/R4/valueset-issue-type.html).
        package let issueType: String
        /// Short display of the code, in English (for `Coding.display`).
        package let display: String
        package let nl: String
        package let en: String
    }

    /// The entry for `code`; unknown codes fall back to the internal-error entry.
    package static func entry(for code: ErrorCode) -> Entry {
        entries[code] ?? entries[.internalError]!
    }

    /// Every code in the catalog, sorted, for documentation and coverage tests.
    package static var allCodes: [ErrorCode] { entries.keys.sorted { $0.rawValue < $1.rawValue } }

    /// The filled-in text for `error` in `language`.
    package static func message(for error: ZorgbrugError, language: Language) -> String {
        let entry = entry(for: error.code)
        let template = language == .nl ? entry.nl : entry.en
        return fill(template, with: error.arguments)
    }

    static func fill(_ template: String, with arguments: [String: String]) -> String {
        var result = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "{", let close = template[index...].firstIndex(of: "}") {
                let name = String(template[template.index(after: index)..<close])
                result += arguments[name] ?? "?"
                index = template.index(after: close)
            } else {
                result.append(character)
                index = template.index(after: index)
            }
        }
        return result
    }

    private static let entries: [ErrorCode: Entry] = [
        .jsonInvalid: Entry(
            issueType: "structure", display: "Invalid JSON",
            nl: "De body is geen geldige JSON ({reason}, regel {line}, kolom {column}). Stuur één FHIR-resource als JSON-object.",
            en: "The body is not valid JSON ({reason} at line {line}, column {column}). Send one FHIR resource as a JSON object."),
        .jsonTooDeep: Entry(
            issueType: "too-costly", display: "JSON nested too deeply",
            nl: "De JSON is dieper genest dan {limit} niveaus. Vereenvoudig de resource.",
            en: "The JSON is nested deeper than {limit} levels. Simplify the resource."),
        .contentTypeUnsupported: Entry(
            issueType: "not-supported", display: "Unsupported content type",
            nl: "Content-Type '{contentType}' wordt niet ondersteund. Gebruik {expected}.",
            en: "Content-Type '{contentType}' is not supported. Use {expected}."),
        .formatNotAcceptable: Entry(
            issueType: "not-supported", display: "Format not acceptable",
            nl: "Deze server antwoordt alleen in FHIR JSON (application/fhir+json); Accept '{accept}' sluit dat uit.",
            en: "This server answers in FHIR JSON only (application/fhir+json); Accept '{accept}' rules that out."),
        .bodyMissing: Entry(
            issueType: "required", display: "Body missing",
            nl: "Dit verzoek heeft een body nodig. Stuur de resource als JSON.",
            en: "This request needs a body. Send the resource as JSON."),
        .bodyTooLarge: Entry(
            issueType: "too-costly", display: "Body too large",
            nl: "De body is groter dan {limit} bytes. Stuur minder gegevens per verzoek.",
            en: "The body is larger than {limit} bytes. Send less data per request."),
        .resourceTypeMismatch: Entry(
            issueType: "invalid", display: "Resource type mismatch",
            nl: "De body is een {actual}, maar dit adres verwacht een {expected}. Stuur de resource naar /fhir/{actual} of pas resourceType aan.",
            en: "The body is a {actual}, but this address expects a {expected}. Send it to /fhir/{actual} or fix resourceType."),
        .resourceTypeUnknown: Entry(
            issueType: "not-supported", display: "Unknown resource type",
            nl: "Resourcetype '{type}' wordt hier niet ondersteund. Zie /fhir/metadata voor de ondersteunde types.",
            en: "Resource type '{type}' is not supported here. See /fhir/metadata for the supported types."),
        .resourceIdMismatch: Entry(
            issueType: "invalid", display: "Resource id mismatch",
            nl: "Het id in de body ('{bodyId}') is niet het id in het adres ('{urlId}'). Maak ze gelijk.",
            en: "The id in the body ('{bodyId}') differs from the id in the address ('{urlId}'). Make them equal."),
        .resourceInvalid: Entry(
            issueType: "invalid", display: "Resource invalid",
            nl: "De resource is ongeldig: {problem}",
            en: "The resource is invalid: {problem}"),
        .referenceNotFound: Entry(
            issueType: "not-found", display: "Reference not found",
            nl: "De verwijzing {reference} wijst niet naar een resource die u mag gebruiken. Controleer het id.",
            en: "The reference {reference} does not point to a resource you may use. Check the id."),
        .tooManyEntries: Entry(
            issueType: "too-costly", display: "Too many Bundle entries",
            nl: "De Bundle heeft {count} entries; het maximum is {limit}. Splits hem op.",
            en: "The Bundle has {count} entries; the maximum is {limit}. Split it."),
        .routeNotFound: Entry(
            issueType: "not-found", display: "No such address",
            nl: "Het adres {path} bestaat niet. Zie /fhir/metadata voor wat deze server biedt.",
            en: "The address {path} does not exist. See /fhir/metadata for what this server offers."),
        .methodNotAllowed: Entry(
            issueType: "not-supported", display: "Method not allowed",
            nl: "{method} is niet toegestaan op {path}. Toegestaan: {allowed}.",
            en: "{method} is not allowed on {path}. Allowed: {allowed}."),
        .interactionNotSupported: Entry(
            issueType: "not-supported", display: "Interaction not supported",
            nl: "De interactie '{interaction}' wordt voor {type} niet ondersteund. Zie /fhir/metadata.",
            en: "The interaction '{interaction}' is not supported for {type}. See /fhir/metadata."),
        .resourceNotFound: Entry(
            issueType: "not-found", display: "Resource not found",
            nl: "{type}/{id} bestaat niet of u heeft er geen toegang toe.",
            en: "{type}/{id} does not exist or you have no access to it."),
        .versionNotFound: Entry(
            issueType: "not-found", display: "Version not found",
            nl: "Versie {version} van {type}/{id} bestaat niet.",
            en: "Version {version} of {type}/{id} does not exist."),
        .resourceGone: Entry(
            issueType: "deleted", display: "Resource deleted",
            nl: "{type}/{id} is verwijderd (versie {version}). De geschiedenis blijft opvraagbaar via _history.",
            en: "{type}/{id} was deleted (version {version}). Its history is still available via _history."),
        .ifMatchRequired: Entry(
            issueType: "required", display: "If-Match required",
            nl: "Wijzigen vereist een If-Match-header met de versie die u las, bijvoorbeeld If-Match: W/\"{version}\".",
            en: "Updates require an If-Match header with the version you read, for example If-Match: W/\"{version}\"."),
        .ifMatchInvalid: Entry(
            issueType: "invalid", display: "If-Match invalid",
            nl: "If-Match '{value}' is geen versie. Gebruik de ETag uit de laatste lees-actie, bijvoorbeeld W/\"3\".",
            en: "If-Match '{value}' is not a version. Use the ETag from your last read, for example W/\"3\"."),
        .versionConflict: Entry(
            issueType: "conflict", display: "Version conflict",
            nl: "U wijzigde versie {expected}, maar de actuele versie is {current}. Lees de resource opnieuw en pas uw wijziging daarop toe.",
            en: "You updated version {expected}, but the current version is {current}. Read the resource again and reapply your change."),
        .conditionalMultipleMatches: Entry(
            issueType: "multiple-matches", display: "Several resources match",
            nl: "Meerdere resources voldoen aan '{criteria}'. Maak de voorwaarde specifieker (bijvoorbeeld met een identifier).",
            en: "Several resources match '{criteria}'. Make the condition more specific (for example with an identifier)."),
        .idempotencyKeyReused: Entry(
            issueType: "conflict", display: "Idempotency-Key reused",
            nl: "Idempotency-Key '{key}' is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor nieuwe gegevens.",
            en: "Idempotency-Key '{key}' was already used for a different request. Use a new key for new data."),
        .idempotencyKeyInvalid: Entry(
            issueType: "invalid", display: "Idempotency-Key invalid",
            nl: "Idempotency-Key moet 1 tot 128 zichtbare ASCII-tekens zijn.",
            en: "Idempotency-Key must be 1 to 128 visible ASCII characters."),
        .searchParameterUnknown: Entry(
            issueType: "not-supported", display: "Unknown search parameter",
            nl: "Zoekparameter '{parameter}' wordt voor {type} niet ondersteund. Ondersteund: {supported}.",
            en: "Search parameter '{parameter}' is not supported for {type}. Supported: {supported}."),
        .searchParameterInvalid: Entry(
            issueType: "invalid", display: "Invalid search parameter value",
            nl: "Zoekparameter '{parameter}' heeft een ongeldige waarde '{value}': {reason}",
            en: "Search parameter '{parameter}' has an invalid value '{value}': {reason}"),
        .searchCursorInvalid: Entry(
            issueType: "invalid", display: "Invalid paging cursor",
            nl: "De paginalink is ongeldig of hoort bij een andere zoekvraag. Begin de zoekvraag opnieuw.",
            en: "The paging link is invalid or belongs to another search. Start the search again."),
        .tooManyRequests: Entry(
            issueType: "throttled", display: "Too many requests",
            nl: "Te veel verzoeken. Probeer het over {retryAfter} seconden opnieuw.",
            en: "Too many requests. Try again in {retryAfter} seconds."),
        .tooManyConnections: Entry(
            issueType: "transient", display: "Too many connections",
            nl: "De server heeft te veel open verbindingen. Probeer het zo opnieuw.",
            en: "The server has too many open connections. Try again shortly."),
        .shuttingDown: Entry(
            issueType: "transient", display: "Shutting down",
            nl: "De server wordt gestopt. Probeer het zo opnieuw.",
            en: "The server is shutting down. Try again shortly."),
        .requestTimeout: Entry(
            issueType: "timeout", display: "Request too slow",
            nl: "Het verzoek kwam niet binnen {limit} seconden volledig binnen. Verstuur het opnieuw.",
            en: "The request did not arrive completely within {limit} seconds. Send it again."),
        .headersTooLarge: Entry(
            issueType: "too-costly", display: "Headers too large",
            nl: "De headers van het verzoek zijn te groot. Stuur kortere headers.",
            en: "The request headers are too large. Send shorter headers."),
        .storageBusy: Entry(
            issueType: "transient", display: "Storage busy",
            nl: "De opslag is tijdelijk bezet. Probeer het zo opnieuw; er is niets opgeslagen.",
            en: "Storage is busy. Try again shortly; nothing was stored."),
        .internalError: Entry(
            issueType: "exception", display: "Internal error",
            nl: "Er ging iets mis op de server. Noem verzoek-id {requestId} als u contact opneemt.",
            en: "Something went wrong on the server. Quote request id {requestId} when you get in touch."),
        .authenticationRequired: Entry(
            issueType: "login", display: "Authentication required",
            nl: "Dit adres vereist een Bearer-token. Vraag er een aan bij /oauth/token.",
            en: "This address requires a Bearer token. Get one from /oauth/token."),
        .tokenInvalid: Entry(
            issueType: "login", display: "Token invalid",
            nl: "Het token is ongeldig of ingetrokken. Vraag een nieuw token aan.",
            en: "The token is invalid or revoked. Get a new token."),
        .tokenExpired: Entry(
            issueType: "expired", display: "Token expired",
            nl: "Het token is verlopen. Vernieuw het met uw refresh token of vraag een nieuw aan.",
            en: "The token has expired. Refresh it or get a new one."),
        .consentRevoked: Entry(
            issueType: "security", display: "Consent revoked",
            nl: "De toestemming voor deze koppeling is ingetrokken. Vraag de zorgaanbieder om een nieuwe koppelcode.",
            en: "The consent for this connection was revoked. Ask the care provider for a new connect code."),
        .consentExpired: Entry(
            issueType: "expired", display: "Consent expired",
            nl: "De toestemming is verlopen na {days} dagen zonder gebruik. Vraag de zorgaanbieder om een nieuwe koppelcode.",
            en: "The consent lapsed after {days} days without use. Ask the care provider for a new connect code."),
        .delegationEnded: Entry(
            issueType: "security", display: "Delegation ended",
            nl: "U kunt niet meer namens deze patiënt handelen: {reason} De patiënt kan u zelf opnieuw machtigen.",
            en: "You can no longer act for this patient: {reason} The patient can authorise you again."),
        .interactionForbidden: Entry(
            issueType: "forbidden", display: "Interaction not allowed",
            nl: "U mag '{interaction}' op {type} niet uitvoeren met deze rol ({role}).",
            en: "You may not perform '{interaction}' on {type} in this role ({role})."),
        .operatorOnly: Entry(
            issueType: "forbidden", display: "Operators only",
            nl: "Dit adres is alleen voor beheerders (loopback of beheertoken).",
            en: "This address is for operators only (loopback or operator token)."),
    ]
}
