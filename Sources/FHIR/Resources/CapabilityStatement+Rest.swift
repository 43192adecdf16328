extension CapabilityStatement {
    /// The software the statement describes.
    ///
    /// `name` is required. See
    /// [CapabilityStatement.software](https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.software).
    public struct Software: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The software's name and version.
        public init(name: String, version: String?) {
            self.jsonObject = JSONObject()
            self.name = name
            self.version = version
        }

        /// The name (required).
        public var name: String? {
            get { jsonObject.string("name") }
            set { jsonObject.setString("name", newValue) }
        }

        /// The version.
        public var version: String? {
            get { jsonObject.string("version") }
            set { jsonObject.setString("version", newValue) }
        }
    }

    /// The installation the statement describes.
    ///
    /// `description` is required. See
    /// [CapabilityStatement.implementation](https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.implementation).
    public struct Implementation: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// An installation with its description and base URL.
        public init(description: String, url: String?) {
            self.jsonObject = JSONObject()
            self.description = description
            self.url = url
        }

        /// What the installation is (required).
        public var description: String? {
            get { jsonObject.string("description") }
            set { jsonObject.setString("description", newValue) }
        }

        /// The base URL of the installation.
        public var url: String? {
            get { jsonObject.string("url") }
            set { jsonObject.setString("url", newValue) }
        }
    }

    /// What a RESTful endpoint offers: security and, per resource type, interactions, search and operations.
    ///
    /// `mode` is required. See
    /// [CapabilityStatement.rest](https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest).
    public struct Rest: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// An endpoint description from its parts; `nil` and empty parts are left out.
        public init(mode: CapabilityStatement.RestfulMode, security: Security? = nil, resource: [Resource] = []) {
            self.jsonObject = JSONObject()
            self.mode = mode
            self.security = security
            self.resource = resource
        }

        /// client or server (required).
        public var mode: CapabilityStatement.RestfulMode? {
            get { jsonObject.code("mode") }
            set { jsonObject.setCode("mode", newValue) }
        }

        /// Information about security.
        public var security: Security? {
            get { jsonObject.element("security") }
            set { jsonObject.setElement("security", newValue) }
        }

        /// The resource types served.
        public var resource: [Resource] {
            get { jsonObject.elements("resource") }
            set { jsonObject.setElements("resource", newValue) }
        }

        /// How the endpoint is secured.
        ///
        /// See [CapabilityStatement.rest.security](https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest.security).
        public struct Security: FHIRComplexElement {
            /// All members, exactly as received or edited.
            public var jsonObject: JSONObject

            /// Wraps an object without checking it.
            public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

            /// Security information from its parts; `nil` and empty parts are left out.
            public init(cors: Bool?, service: [CodeableConcept] = [], description: String? = nil) {
                self.jsonObject = JSONObject()
                self.cors = cors
                self.service = service
                self.description = description
            }

            /// Whether CORS headers are added.
            public var cors: Bool? {
                get { jsonObject.bool("cors") }
                set { jsonObject.setBool("cors", newValue) }
            }

            /// OAuth, SMART-on-FHIR, NTLM, Basic, Kerberos or Certificates.
            public var service: [CodeableConcept] {
                get { jsonObject.elements("service") }
                set { jsonObject.setElements("service", newValue) }
            }

            /// General description (markdown).
            public var description: String? {
                get { jsonObject.string("description") }
                set { jsonObject.setString("description", newValue) }
            }
        }

        /// What is offered for one resource type.
        ///
        /// `type` is required. See
        /// [CapabilityStatement.rest.resource](https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest.resource).
        public struct Resource: FHIRComplexElement {
            /// All members, exactly as received or edited.
            public var jsonObject: JSONObject

            /// Wraps an object without checking it.
            public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

            /// A resource type with its interactions.
            public init(type: String, interactions: [CapabilityStatement.TypeInteraction]) {
                self.jsonObject = JSONObject()
                self.type = type
                self.interaction = interactions
            }

            /// The resource type (required).
            public var type: String? {
                get { jsonObject.string("type") }
                set { jsonObject.setString("type", newValue) }
            }

            /// The interactions supported, as `interaction[].code`.
            public var interaction: [CapabilityStatement.TypeInteraction] {
                get { jsonObject.objects("interaction").compactMap { $0.code("code") } }
                set { jsonObject.setObjects("interaction", newValue.map { ["code": .string($0.rawValue)] }) }
            }

            /// no-version, versioned or versioned-update.
            public var versioning: CapabilityStatement.VersioningPolicy? {
                get { jsonObject.code("versioning") }
                set { jsonObject.setCode("versioning", newValue) }
            }

            /// Whether vread can return past versions.
            public var readHistory: Bool? {
                get { jsonObject.bool("readHistory") }
                set { jsonObject.setBool("readHistory", newValue) }
            }

            /// Whether update can create a resource at a client-chosen id.
            public var updateCreate: Bool? {
                get { jsonObject.bool("updateCreate") }
                set { jsonObject.setBool("updateCreate", newValue) }
            }

            /// Whether `If-None-Exist` is supported.
            public var conditionalCreate: Bool? {
                get { jsonObject.bool("conditionalCreate") }
                set { jsonObject.setBool("conditionalCreate", newValue) }
            }

            /// Whether conditional updates are supported.
            public var conditionalUpdate: Bool? {
                get { jsonObject.bool("conditionalUpdate") }
                set { jsonObject.setBool("conditionalUpdate", newValue) }
            }

            /// not-supported, single or multiple.
            public var conditionalDelete: CapabilityStatement.ConditionalDeleteStatus? {
                get { jsonObject.code("conditionalDelete") }
                set { jsonObject.setCode("conditionalDelete", newValue) }
            }

            /// `_include` values supported, e.g. `Task:focus`.
            public var searchInclude: [String] {
                get { jsonObject.strings("searchInclude") }
                set { jsonObject.setStrings("searchInclude", newValue) }
            }

            /// `_revinclude` values supported, e.g. `Task:patient`.
            public var searchRevInclude: [String] {
                get { jsonObject.strings("searchRevInclude") }
                set { jsonObject.setStrings("searchRevInclude", newValue) }
            }

            /// The search parameters supported.
            public var searchParam: [SearchParam] {
                get { jsonObject.elements("searchParam") }
                set { jsonObject.setElements("searchParam", newValue) }
            }

            /// The operations supported on this type.
            public var operation: [Operation] {
                get { jsonObject.elements("operation") }
                set { jsonObject.setElements("operation", newValue) }
            }
        }

        /// One search parameter of a resource type.
        ///
        /// `name` and `type` are required. See
        /// [CapabilityStatement.rest.resource.searchParam](https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest.resource.searchParam).
        public struct SearchParam: FHIRComplexElement {
            /// All members, exactly as received or edited.
            public var jsonObject: JSONObject

            /// Wraps an object without checking it.
            public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

            /// A parameter from its parts; a `nil` definition is left out.
            public init(
                name: String, definition: String? = nil, type: CapabilityStatement.SearchParamType,
                documentation: String? = nil
            ) {
                self.jsonObject = JSONObject()
                self.name = name
                self.definition = definition
                self.type = type
                self.documentation = documentation
            }

            /// The parameter name as used in the URL (required).
            public var name: String? {
                get { jsonObject.string("name") }
                set { jsonObject.setString("name", newValue) }
            }

            /// The canonical of the SearchParameter definition.
            public var definition: String? {
                get { jsonObject.string("definition") }
                set { jsonObject.setString("definition", newValue) }
            }

            /// number, date, string, token, reference, composite, quantity, uri or special (required).
            public var type: CapabilityStatement.SearchParamType? {
                get { jsonObject.code("type") }
                set { jsonObject.setCode("type", newValue) }
            }

            /// Server-specific usage (markdown).
            public var documentation: String? {
                get { jsonObject.string("documentation") }
                set { jsonObject.setString("documentation", newValue) }
            }
        }

        /// An operation offered on a resource type.
        ///
        /// `name` and `definition` are required. See
        /// [CapabilityStatement.rest.resource.operation](https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest.resource.operation).
        public struct Operation: FHIRComplexElement {
            /// All members, exactly as received or edited.
            public var jsonObject: JSONObject

            /// Wraps an object without checking it.
            public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

            /// An operation with its name (without `$`) and OperationDefinition canonical.
            public init(name: String, definition: String) {
                self.jsonObject = ["name": .string(name), "definition": .string(definition)]
            }

            /// The name used to invoke it, without `$` (required).
            public var name: String? {
                get { jsonObject.string("name") }
                set { jsonObject.setString("name", newValue) }
            }

            /// The OperationDefinition canonical (required).
            public var definition: String? {
                get { jsonObject.string("definition") }
                set { jsonObject.setString("definition", newValue) }
            }
        }
    }
}

extension CapabilityStatement {
    /// The software (`name` and `version`).
    public var software: Software? {
        get { json.element("software") }
        set { json.setElement("software", newValue) }
    }

    /// The installation (`description` and base `url`).
    public var implementation: Implementation? {
        get { json.element("implementation") }
        set { json.setElement("implementation", newValue) }
    }

    /// The REST capabilities (resources, interactions, search parameters, operations).
    public var rest: [Rest] {
        get { json.elements("rest") }
        set { json.setElements("rest", newValue) }
    }
}
