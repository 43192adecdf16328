import Foundation
import Testing
import ZorgbrugClient

extension CLITests {
    @Suite("admin")
    struct Admin {
        @Test("org create and list; client register prints the secret once, list never shows it")
        func registerAndList() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let database = directory.file("db.sqlite")
            let created = try await Zorgbrug.succeed([
                "admin", "org", "create", "--database", database, "--name", "Huisartsenpraktijk De Linde",
                "--identifier", "http://fhir.nl/fhir/NamingSystem/agb-z|01234567",
            ])
            let organization = try #require(created.split(separator: " ").first.map { String($0.dropFirst("Organization/".count)) })
            #expect(created.hasPrefix("Organization/"))
            #expect(try await Zorgbrug.succeed(["admin", "org", "list", "--database", database]).contains("Organization/\(organization)  Huisartsenpraktijk De Linde"))

            let register = try await Zorgbrug.run([
                "admin", "client", "register", "--database", database, "--kind", "provider", "--organization", organization,
                "--name", "De Linde ECD",
            ])
            #expect(register.status == 0, "\(register.stderr)")
            let clientID = try #require(Operator.value(of: "client_id", in: register.stdout))
            let secret = try #require(Operator.value(of: "client_secret", in: register.stdout))
            #expect(secret.count >= 32)
            #expect(register.stdout.contains("shown only once"))
            let pgo = try await Operator.registerClient(database: database, kind: "pgo", organization: nil, name: "Test PGO")
            let publicClient = try await Zorgbrug.succeed(["admin", "client", "register", "--database", database, "--kind", "public", "--name", "bp"])
            #expect(Operator.value(of: "client_secret", in: publicClient) == nil, "a public client has no secret")

            let list = try await Zorgbrug.succeed(["admin", "client", "list", "--database", database])
            let line = try #require(list.split(separator: "\n").first { $0.hasPrefix(clientID + " ") }, "\(list)")
            for part in ["provider", "active", "client_secret_basic", "Organization/\(organization)", "De Linde ECD"] {
                #expect(line.contains(part), "\(line)")
            }
            #expect(list.contains(pgo.id))
            for leaked in [secret, pgo.secret] {
                #expect(!list.contains(leaked), "admin client list shows a secret")
            }
            #expect(!list.lowercased().contains("secret:"))
            // The database holds only a hash of the secret.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
            #expect(bytes.range(of: Data(secret.utf8)) == nil)
        }

        @Test("the registered client gets a token from a running server; rotate-secret and disable take effect at once")
        func lifecycleAgainstRunningServer() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let database = directory.file("db.sqlite")
            let organization = try await Operator.createOrganization(database: database)
            let client = try await Operator.registerClient(database: database, kind: "provider", organization: organization, clientID: "ecd-linde")
            #expect(client.id == "ecd-linde")

            try await withRunningServer(["--port", "0", "--database", database, "--content-dir", Paths.packageRoot]) { server in
                let token = try await Operator.token(server, clientID: client.id, secret: client.secret)
                let search = try await Operator.client(server, token: token).search(type: "Patient", parameters: [])
                #expect(search.status == 200, "\(search.text)")

                // rotate-secret, against the database the server is using.
                let rotated = try await Zorgbrug.succeed(["admin", "client", "rotate-secret", "--database", database, client.id])
                let newSecret = try #require(Operator.value(of: "client_secret", in: rotated))
                #expect(newSecret != client.secret)
                #expect(try await Operator.requestToken(server, clientID: client.id, secret: client.secret).status == 401)
                let newToken = try await Operator.token(server, clientID: client.id, secret: newSecret)

                // disable: no new tokens, and the ones handed out stop working.
                let disabled = try await Zorgbrug.succeed(["admin", "client", "disable", "--database", database, client.id])
                #expect(disabled.contains("Disabled \(client.id)"))
                #expect(try await Operator.requestToken(server, clientID: client.id, secret: newSecret).status == 401)
                let refused = try await Operator.client(server, token: newToken).search(type: "Patient", parameters: [])
                #expect(refused.status == 401, "\(refused.text)")
                let list = try await Zorgbrug.succeed(["admin", "client", "list", "--database", database])
                #expect(list.contains("\(client.id)  provider  disabled"), "\(list)")
            }
        }

        @Test("mistakes get a clear message and a non-zero exit", arguments: [
            (["admin", "client", "register", "--kind", "provider", "--name", "X"], "--organization"),
            (["admin", "client", "register", "--kind", "provider", "--name", "X", "--organization", "nope"], "Organization/nope"),
            (["admin", "client", "register", "--kind", "robot", "--name", "X"], "robot"),
            (["admin", "client", "rotate-secret", "nobody"], "nobody"),
            (["admin", "client", "disable", "nobody"], "nobody"),
            (["admin", "org", "create", "--name", "X", "--identifier", "no-bar"], "system|value"),
        ])
        func mistakes(arguments: [String], mentions: String) async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let result = try await Zorgbrug.run(arguments + ["--database", directory.file("db.sqlite")])
            #expect(result.status != 0)
            #expect(result.stderr.contains(mentions), "\(result.stderr)")
            #expect(result.stdout.isEmpty, "\(result.stdout)")
        }

        @Test("an unusable database path is a clear runtime error")
        func unusableDatabase() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let blocker = directory.file("file")
            _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
            let result = try await Zorgbrug.run(["admin", "client", "list", "--database", blocker + "/db.sqlite"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("Cannot open the database at \(blocker)/db.sqlite"), "\(result.stderr)")
            #expect(!result.stderr.contains("Usage"))
        }
    }
}
