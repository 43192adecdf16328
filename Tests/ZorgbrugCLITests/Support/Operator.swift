import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// What an operator does with `zorgbrug admin`, and what a client system then does over HTTP.
enum Operator {
    /// `admin org create`; returns the new Organization id.
    static func createOrganization(database: String, name: String = "Huisartsenpraktijk Test") async throws -> String {
        let output = try await Zorgbrug.succeed(["admin", "org", "create", "--database", database, "--name", name])
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("Organization/") }, "\(output)")
        return String(line.dropFirst("Organization/".count).prefix { $0 != " " })
    }

    /// `admin client register …`; returns the client id and the secret printed once.
    static func registerClient(database: String, kind: String, organization: String?, name: String = "ECD Test", clientID: String? = nil) async throws -> (id: String, secret: String) {
        var arguments = ["admin", "client", "register", "--database", database, "--kind", kind, "--name", name]
        if let organization { arguments += ["--organization", organization] }
        if let clientID { arguments += ["--client-id", clientID] }
        let output = try await Zorgbrug.succeed(arguments)
        return (try #require(value(of: "client_id", in: output), "\(output)"), try #require(value(of: "client_secret", in: output), "\(output)"))
    }

    /// The value after `name:` on its own line of `output`.
    static func value(of name: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// A client for the server's `/fhir` base.
    static func client(_ server: RunningServer, token: String? = nil) -> FHIRClient {
        FHIRClient(baseURL: server.baseURL + "/fhir", bearerToken: token, acceptLanguage: "en")
    }

    /// `POST /oauth/token` with client_credentials and HTTP Basic.
    static func requestToken(_ server: RunningServer, clientID: String, secret: String) async throws -> FHIRClientResponse {
        let basic = "Basic " + Data("\(clientID):\(secret)".utf8).base64EncodedString()
        return try await client(server).post(path: "/oauth/token", form: [("grant_type", "client_credentials")], headers: [("Authorization", basic)])
    }

    /// A token for a provider client; fails the test when there is none.
    static func token(_ server: RunningServer, clientID: String, secret: String) async throws -> String {
        let response = try await requestToken(server, clientID: clientID, secret: secret)
        #expect(response.status == 200, "\(response.text)")
        return try #require(response.resource?["access_token"]?.stringValue, "\(response.text)")
    }

    /// A minimal Patient.
    static func patient(family: String) -> JSONObject {
        ["resourceType": "Patient", "name": [["family": .string(family)]], "birthDate": "1970-01-01"]
    }
}
