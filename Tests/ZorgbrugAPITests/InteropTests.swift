import FHIR
import Foundation
import Testing
import TestSupport
import ZorgbrugClient

/// A real third-party FHIR client (Python's fhirpy) against the real server: create, read, update with If-Match,
/// search and page (Tests/interop/fhirpy_smoke.py). The client is installed into `.build/interop-venv` by
/// Tests/interop/ensure-venv; when that cannot be done the tests fail with the reason — they are never skipped.
@Suite("Interop: fhirpy")
struct InteropTests {
    /// The lines the script prints when every check passed, in order.
    static let expectedLines = [
        "ok metadata fhirVersion=4.0.1",
        "ok create Patient/",
        "ok read Patient/",
        "ok refresh with If-None-Match",
        "ok update without If-Match refused (if-match-required)",
        "ok update with If-Match W/\"1\" -> version 2",
        "ok stale If-Match refused (412)",
        "ok history has versions 1 and 2",
        "ok search _count=2 pages [2, 2, 1]",
        "ok fetch_all 5 resources",
        "ok paged all patients: ",
        "ok async paging 5 resources",
        "fhirpy smoke: all checks passed",
    ]

    @Test("fhirpy creates, reads, updates with If-Match, searches and pages over HTTP")
    func fhirpyOverHTTP() async throws {
        let python = try await Self.interopPython()
        try await withServer { server in
            let world = try await World.make(server)
            let token = try #require(world.providerA.bearerToken)
            let run = try await Script.run(
                python, [Self.script, server.baseURL + "/fhir", "--expect-patient", world.patientA, "--expect-patient", world.patientA2],
                environment: ["ZORGBRUG_TOKEN": token], timeoutSeconds: 180)
            try Self.expectPassed(run)

            // What fhirpy wrote is what a Zorgbrug client reads back.
            let id = try Self.createdID(run.stdout)
            let read = try await world.providerA.read(type: "Patient", id: id)
            #expect(read.status == 200)
            #expect(read.versionId == "2")
            #expect(read.resource?["gender"]?.stringValue == "female")
            #expect(read.resource?["managingOrganization"]?["reference"]?.stringValue == "Organization/\(world.organizationA)")
            // Provider B sees none of it.
            let other = try await world.providerB.read(type: "Patient", id: id)
            #expect(other.status == 404)
            try await Self.expectPagedAll(run, client: world.providerA)

            // The script is not vacuous: a wrong token makes it fail.
            let refused = try await Script.run(
                python, [Self.script, server.baseURL + "/fhir"], environment: ["ZORGBRUG_TOKEN": "not-a-token"], timeoutSeconds: 60)
            #expect(refused.status != 0, "the smoke script passed with a wrong token:\n\(refused.stdout)")
            #expect(refused.stderr.contains("FAIL:"), "\(refused.stderr)")
        }
    }

    @Test("fhirpy does the same over HTTPS, trusting a private CA")
    func fhirpyOverHTTPS() async throws {
        let python = try await Self.interopPython()
        let pki = try await TestPKI.make()
        defer { pki.remove() }
        try await withTLSServer(pki.server) { server in
            let token = try await HTTPSTests.providerToken(server, tls: TLSOptions(caFile: pki.caCertificate))
            let run = try await Script.run(
                python, [Self.script, server.baseURL + "/fhir", "--ca-file", pki.caCertificate],
                environment: ["ZORGBRUG_TOKEN": token], timeoutSeconds: 180)
            try Self.expectPassed(run)
            try await Self.expectPagedAll(run, client: server.client(token: token, tls: TLSOptions(caFile: pki.caCertificate)))
        }
    }

    // MARK: Helpers

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("Tests/interop/fhirpy_smoke.py").path

    /// The venv's python, made (once, under a lock) by Tests/interop/ensure-venv. Fails the test with the reason
    /// when the venv or the package cannot be installed.
    static func interopPython() async throws -> String {
        let ensure = root.appendingPathComponent("Tests/interop/ensure-venv").path
        let run = try await Script.run("/usr/bin/env", ["bash", ensure], environment: [:], timeoutSeconds: 900)
        let python = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard run.status == 0, FileManager.default.isExecutableFile(atPath: python) else {
            throw Script.Failure(description: """
                Could not install the interop test's Python packages (Tests/interop/requirements.txt) into \
                .build/interop-venv: Tests/interop/ensure-venv exited \(run.status). It needs python3 with venv \
                (Debian: python3-venv, installed by scripts/ensure-deps) and access to the Python package index.
                \(run.stderr)
                """)
        }
        return python
    }

    static func expectPassed(_ run: Script.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(run.status == 0, "fhirpy_smoke.py exited \(run.status)\n\(run.stdout)\n\(run.stderr)", sourceLocation: sourceLocation)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        var index = 0
        for expected in expectedLines {
            guard let found = lines[index...].firstIndex(where: { $0.hasPrefix(expected) }) else {
                Issue.record("missing or out of order: \(expected)\n\(run.stdout)\n\(run.stderr)", sourceLocation: sourceLocation)
                return
            }
            index = found + 1
        }
    }

    /// The script paged every patient the token sees, two per page.
    static func expectPagedAll(_ run: Script.Result, client: FHIRClient) async throws {
        let count = try await client.search(type: "Patient", parameters: [("_summary", "count")])
        let total = try #require(count.resource?["total"]?.numberValue?.int, "\(count.text)")
        #expect(run.stdout.contains("ok paged all patients: \(total) in \((total + 1) / 2) pages"), "\(run.stdout)")
    }

    static func createdID(_ output: String) throws -> String {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("ok create Patient/") })
        return String(line.dropFirst("ok create Patient/".count).prefix { $0 != " " })
    }
}

/// Runs a command with output captured to files (no pipe can fill up) and a deadline.
enum Script {
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String], timeoutSeconds: Int) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zorgbrug-script-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outPath = directory.appendingPathComponent("stdout").path
        let errPath = directory.appendingPathComponent("stderr").path

        var merged = ProcessInfo.processInfo.environment
        // Loopback must never go through a proxy that CI may set for the package index.
        merged["NO_PROXY"] = ["127.0.0.1", "localhost", merged["NO_PROXY"]].compactMap { $0 }.joined(separator: ",")
        merged["no_proxy"] = merged["NO_PROXY"]
        merged["PYTHONUNBUFFERED"] = "1"
        for (name, value) in environment { merged[name] = value }
        let process = try ChildProcess(executable, arguments, environment: merged, stdout: .file(outPath), stderr: .file(errPath))
        var ended = await process.wait(timeout: .seconds(timeoutSeconds))
        if ended == nil {
            process.send(SIGTERM)
            ended = await process.wait(timeout: .seconds(5))
        }
        if ended == nil { process.send(SIGKILL) }
        let termination = await process.wait()
        let stdout = String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self)
        var stderr = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
        if case .signalled = termination {
            stderr += "\n(\(executable) \(arguments.first ?? "") was stopped after \(timeoutSeconds) s or by a signal)"
        }
        return Result(status: termination.status, stdout: stdout, stderr: stderr)
    }
}
