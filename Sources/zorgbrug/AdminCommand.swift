import ArgumentParser
import Foundation
import Logging
import ZorgbrugAPI
import ZorgbrugCore
import ZorgbrugStore

/// `zorgbrug admin …`: the operator's local commands against the database.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Manage organizations and clients (local, against the database).",
        subcommands: [OrganizationCommand.self, ClientCommand.self])
}

/// Opens the store and identity service for an admin command.
struct AdminContext {
    let store: ResourceStore
    let identity: IdentityService

    init(_ options: StoreOptions) throws {
        store = try options.openStore()
        identity = IdentityService(store: store, pepper: try options.loadOrCreatePepper(), clock: SystemClock.milliseconds)
    }
}

struct OrganizationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Manage provider organizations.", subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an Organization: the care provider as patients see it.")

        @OptionGroup var store: StoreOptions

        @Option(help: "The provider's own name, shown to patients (never its IT vendor's).")
        var name: String

        @Option(help: "An identifier as system|value, e.g. http://fhir.nl/fhir/NamingSystem/agb-z|01234567.")
        var identifier: String?

        func run() async throws {
            var parsed: (String, String)?
            if let identifier {
                let parts = identifier.split(separator: "|", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError("--identifier must be system|value.")
                }
                parsed = (parts[0], parts[1])
            }
            let context = try AdminContext(store)
            let organization = try await context.identity.createOrganization(
                name: name, identifier: parsed, newID: ResourceID.randomUUID())
            print("Organization/\(organization.id)  \(name)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organizations.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let context = try AdminContext(store)
            var query = SearchQuery(resourceType: "Organization", scope: .unrestricted)
            query.count = 1000
            let request = query
            let page = try await context.store.read { reader in try reader.search(request) }
            for organization in page.resources {
                print("Organization/\(organization.id)  \(organization.json["name"]?.stringValue ?? "")")
            }
        }
    }
}

struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Manage OAuth clients (provider systems, PGOs, the bp CLI).",
        subcommands: [Register.self, List.self, RotateSecret.self, Disable.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a client. A secret is printed once; only its hash is stored.")

        @OptionGroup var store: StoreOptions

        @Option(help: "provider (a source system of one organization), pgo (a PGO back end) or public (the bp CLI).")
        var kind: ClientKindArgument

        @Option(help: "Display name, shown to patients in their consents.")
        var name: String

        @Option(help: "The Organization id a provider client acts for.")
        var organization: String?

        @Option(help: "A JWKS file with the client's public keys, for private_key_jwt instead of a secret.")
        var jwks: String?

        @Option(help: "The client id to use (default: generated).")
        var clientId: String?

        func run() async throws {
            let context = try AdminContext(store)
            let jwksText = try jwks.map { path -> String in
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw CommandFailure("Cannot read the JWKS file \(path).")
                }
                return text
            }
            let registered = try await context.identity.registerClient(
                kind: kind.value, displayName: name, organizationID: organization, jwks: jwksText,
                clientID: clientId ?? ResourceID.randomUUID())
            print("client_id:     \(registered.client.clientID)")
            if let secret = registered.secret {
                print("client_secret: \(secret)")
                print("Store the secret now: it is shown only once.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clients.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let context = try AdminContext(store)
            for client in try await context.identity.listClients() {
                let auth = client.jwks != nil ? "private_key_jwt" : (client.secretHash != nil ? "client_secret_basic" : "public")
                print("\(client.clientID)  \(client.kind.rawValue)  \(client.status.rawValue)  \(auth)  \(client.organizationID.map { "Organization/\($0)" } ?? "-")  \(client.displayName)")
            }
        }
    }

    struct RotateSecret: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-secret", abstract: "Replace a client's secret; the old one stops working at once.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The client id.") var clientId: String

        func run() async throws {
            let context = try AdminContext(store)
            let secret = try await context.identity.rotateSecret(clientID: clientId)
            print("client_secret: \(secret)")
            print("Store the secret now: it is shown only once.")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a client; its tokens stop working at once.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The client id.") var clientId: String

        func run() async throws {
            let context = try AdminContext(store)
            try await context.identity.disableClient(clientID: clientId)
            print("Disabled \(clientId).")
        }
    }
}

/// `--kind` values.
enum ClientKindArgument: String, ExpressibleByArgument, CaseIterable {
    case provider, pgo
    case publicClient = "public"

    var value: ClientKind {
        switch self {
        case .provider: return .provider
        case .pgo: return .pgo
        case .publicClient: return .public
        }
    }
}
