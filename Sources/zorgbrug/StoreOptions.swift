import ArgumentParser
import Credentials
import Foundation
import ZorgbrugStore

/// Options every command that opens the database shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: "SQLite database file (env ZORGBRUG_DATABASE). Created on first run.")
    var database: String = Environment.string("DATABASE") ?? "data/zorgbrug.sqlite"

    @Option(help: "Commit durability: full (survives power loss), normal (survives a crash of the process), off (tests only) (env ZORGBRUG_DURABILITY).")
    var durability: Durability = Durability(rawValue: Environment.string("DURABILITY") ?? "full") ?? .full

    @Option(help: "File with the server's secret pepper for connect-code hashes; created (mode 0600) when missing (env ZORGBRUG_PEPPER_FILE).")
    var pepperFile: String?

    func validate() throws {
        try Environment.requireOneOf("DURABILITY", Durability.allCases.map(\.rawValue))
    }

    /// The pepper file path: next to the database unless given.
    var pepperPath: String {
        pepperFile ?? Environment.string("PEPPER_FILE")
            ?? (URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("pepper.key").path)
    }

    func openStore() throws -> ResourceStore {
        do {
            return try ResourceStore(path: database, durability: durability, clock: SystemClock.milliseconds)
        } catch {
            throw CommandFailure("Cannot open the database at \(database): \(error.message)")
        }
    }

    /// Loads the pepper, creating a fresh one with owner-only permissions on first run.
    func loadOrCreatePepper() throws -> Pepper {
        let path = pepperPath
        if FileManager.default.fileExists(atPath: path) {
            do { return try Pepper.load(path: path) } catch {
                throw CommandFailure("Cannot use the pepper file \(path): \(error)")
            }
        }
        let pepper = Pepper.generate()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("Cannot create the directory \(directory) for the pepper file; check its permissions.")
        }
        guard FileManager.default.createFile(
            atPath: path, contents: Data((pepper.hexEncoded + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw CommandFailure("Cannot create the pepper file \(path); check the permissions of its directory.") }
        return pepper
    }
}

extension Durability: ExpressibleByArgument {}

/// The wall clock in epoch milliseconds.
enum SystemClock {
    static let milliseconds: @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}
