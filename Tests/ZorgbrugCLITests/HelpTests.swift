import Foundation
import Testing

extension CLITests {
    @Suite("help")
    struct Help {
        /// Every option of `serve`, with the environment variable that sets it.
        static let serveOptions = [
            "database", "durability", "pepper-file", "host", "port", "public-url", "tls-cert", "tls-key",
            "max-body-bytes", "max-connections", "max-connections-per-ip", "idle-timeout", "request-deadline",
            "log-format", "log-level", "content-dir", "demo", "trusted-proxies", "metrics-token-file",
        ]

        @Test("zorgbrug --help names the subcommands and the ZORGBRUG_ convention")
        func topLevel() async throws {
            let result = try await Zorgbrug.run(["--help"])
            #expect(result.status == 0)
            for word in ["USAGE: zorgbrug", "serve", "validate-content", "admin", "ZORGBRUG_"] {
                #expect(result.stdout.contains(word), "missing \(word) in:\n\(result.stdout)")
            }
        }

        @Test("serve --help lists every option with its ZORGBRUG_ variable")
        func serve() async throws {
            let result = try await Zorgbrug.run(["serve", "--help"])
            #expect(result.status == 0)
            let blocks = Self.optionBlocks(result.stdout)
            // The options the help shows are exactly the known ones (a new option must be added here, and so
            // get its environment variable checked).
            #expect(Set(blocks.keys) == Set(Self.serveOptions + ["help"]), "\(blocks.keys.sorted())")
            for option in Self.serveOptions {
                let variable = "ZORGBRUG_" + option.uppercased().replacingOccurrences(of: "-", with: "_")
                let block = try #require(blocks[option], "--\(option) is not in serve --help")
                #expect(block.contains(variable), "--\(option) does not name \(variable): \(block)")
            }
        }

        @Test("admin subcommands have help too", arguments: [
            ["admin", "--help"], ["admin", "org", "create", "--help"], ["admin", "client", "register", "--help"],
            ["admin", "client", "rotate-secret", "--help"], ["admin", "client", "disable", "--help"],
            ["validate-content", "--help"],
        ])
        func adminHelp(arguments: [String]) async throws {
            let result = try await Zorgbrug.run(arguments)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE: zorgbrug \(arguments.dropLast().joined(separator: " "))"), "\(result.stdout)")
        }

        @Test("an unknown option is a usage error that points at --help")
        func unknownOption() async throws {
            let result = try await Zorgbrug.run(["serve", "--prot", "8080"])
            #expect(result.status == 64)
            #expect(result.stderr.contains("--prot"))
            #expect(result.stderr.contains("--help"))
        }

        /// The OPTIONS section as option name (without `--`) → its text, wrapped lines joined.
        static func optionBlocks(_ help: String) -> [String: String] {
            var blocks: [String: String] = [:]
            var current: String?
            var inOptions = false
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("OPTIONS:") {
                    inOptions = true
                    continue
                }
                guard inOptions else { continue }
                if !line.isEmpty, !line.hasPrefix(" ") { break }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                let indent = line.prefix { $0 == " " }.count
                if indent <= 2, trimmed.hasPrefix("-") {
                    let names = trimmed.split(separator: " ").first { $0.hasPrefix("--") } ?? ""
                    let name = String(names.dropFirst(2).prefix { $0 != "," && $0 != " " })
                    current = name
                    blocks[name] = trimmed
                } else if let current, !trimmed.isEmpty {
                    blocks[current, default: ""] += " " + trimmed
                }
            }
            return blocks
        }
    }
}
