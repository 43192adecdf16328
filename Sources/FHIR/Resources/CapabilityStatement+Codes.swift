extension CapabilityStatement {
    /// Whether a REST description is of a client or a server.
    ///
    /// A required binding. See [the value set](https://hl7.org/fhir/R4/valueset-restful-capability-mode.html).
    public enum RestfulMode: String, Sendable, Hashable, CaseIterable, Codable {
        /// `client`.
        case client = "client"
        /// `server`.
        case server = "server"
    }

    /// An interaction on a resource type.
    ///
    /// A required binding. See [the value set](https://hl7.org/fhir/R4/valueset-type-restful-interaction.html).
    public enum TypeInteraction: String, Sendable, Hashable, CaseIterable, Codable {
        /// `read`.
        case read = "read"
        /// `vread`.
        case vread = "vread"
        /// `update`.
        case update = "update"
        /// `patch`.
        case patch = "patch"
        /// `delete`.
        case delete = "delete"
        /// `history-instance`.
        case historyInstance = "history-instance"
        /// `history-type`.
        case historyType = "history-type"
        /// `create`.
        case create = "create"
        /// `search-type`.
        case searchType = "search-type"
    }

    /// How a server keeps versions.
    ///
    /// A required binding. See [the value set](https://hl7.org/fhir/R4/valueset-versioning-policy.html).
    public enum VersioningPolicy: String, Sendable, Hashable, CaseIterable, Codable {
        /// `no-version`.
        case noVersion = "no-version"
        /// `versioned`.
        case versioned = "versioned"
        /// `versioned-update`.
        case versionedUpdate = "versioned-update"
    }

    /// Whether and how conditional deletes are supported.
    ///
    /// A required binding. See [the value set](https://hl7.org/fhir/R4/valueset-conditional-delete-status.html).
    public enum ConditionalDeleteStatus: String, Sendable, Hashable, CaseIterable, Codable {
        /// `not-supported`.
        case notSupported = "not-supported"
        /// `single`.
        case single = "single"
        /// `multiple`.
        case multiple = "multiple"
    }

    /// The type of a search parameter.
    ///
    /// A required binding. See [the value set](https://hl7.org/fhir/R4/valueset-search-param-type.html).
    public enum SearchParamType: String, Sendable, Hashable, CaseIterable, Codable {
        /// `number`.
        case number = "number"
        /// `date`.
        case date = "date"
        /// `string`.
        case string = "string"
        /// `token`.
        case token = "token"
        /// `reference`.
        case reference = "reference"
        /// `composite`.
        case composite = "composite"
        /// `quantity`.
        case quantity = "quantity"
        /// `uri`.
        case uri = "uri"
        /// `special`.
        case special = "special"
    }
}
