import FHIR
import Foundation
import Testing
import ZorgbrugCore

/// The files under `Samples/` are what a newcomer copies first, so they are checked like code: request bodies
/// parse and are the resource their name says, the readings CSV follows its README, the demo uses them all.
@Suite("Samples")
struct SampleFilesTests {
    static let samples: URL? = ContentTestSupport.repositoryRoot?.appendingPathComponent("Samples")

    /// Operation bodies are Parameters; every other file is named after its resource type (`task-phq9.json`).
    static let operationBodies = ["connect-code.json", "delegate.json"]

    static var requestFiles: [String] {
        guard let samples else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.appendingPathComponent("requests").path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static func text(_ relativePath: String) throws -> String {
        let samples = try #require(samples, "repository root not found from #filePath")
        return try String(contentsOf: samples.appendingPathComponent(relativePath), encoding: .utf8)
    }

    static func request(_ name: String, patient: String = "p-123") throws -> JSONObject {
        let text = try text("requests/" + name).replacingOccurrences(of: "PATIENT_ID", with: patient)
        return try #require(try JSONParser().parse(text).objectValue, "\(name) is not a JSON object")
    }

    static func expectedType(of name: String) -> String? {
        if operationBodies.contains(name) { return "Parameters" }
        let stem = name.prefix { $0 != "-" && $0 != "." }.lowercased()
        return ResourceCatalog.definitions.first { $0.type.lowercased() == stem }?.type
    }

    @Test("the documented request bodies are there")
    func requestFilesPresent() {
        #expect(Set(Self.requestFiles).isSuperset(of: [
            "patient.json", "task-phq9.json", "observation-bloeddruk.json", "connect-code.json", "delegate.json",
        ]))
    }

    @Test("every request body parses and has the resourceType its file name implies", arguments: requestFiles)
    func requestParses(name: String) throws {
        let expected = try #require(Self.expectedType(of: name), "\(name): name it after its resource type")
        let resource = try Self.request(name)
        #expect(resource["resourceType"]?.stringValue == expected)
        #expect(resource["id"] == nil, "\(name): the server assigns ids on create")
    }

    @Test("patient-owned samples belong to the PATIENT_ID placeholder and index as such",
          arguments: ["task-phq9.json", "observation-bloeddruk.json"])
    func placeholderPatient(name: String) throws {
        #expect(try Self.text("requests/" + name).contains("Patient/PATIENT_ID"))
        let resource = try Self.request(name, patient: "p-123")
        let type = try #require(resource["resourceType"]?.stringValue)
        let definition = try #require(ResourceCatalog.definition(type))
        #expect(SearchIndexExtractor.patientID(of: resource, id: "new", definition: definition) == "p-123")
        let entries = SearchIndexExtractor.entries(of: resource, definition: definition)
        #expect(entries.contains(SearchIndexEntry(parameter: "patient", value: .reference(type: "Patient", id: "p-123"))))
    }

    @Test("the PHQ-9 task is a ready questionnaire order naming the shipped PHQ-9 by id and url|version")
    func phq9Task() throws {
        let task = try Self.request("task-phq9.json")
        #expect(task["status"] == "ready")
        #expect(task["intent"] == "order")
        let coding = task["code"]?["coding"]?.arrayValue?.first
        #expect(coding?["system"] == "http://zorgbrug.nl/fhir/CodeSystem/task-kind")
        #expect(coding?["code"] == "questionnaire")
        let canonical = try #require(task["input"]?.arrayValue?.first?["valueCanonical"]?.stringValue)
        #expect(canonical == "http://zorgbrug.nl/fhir/Questionnaire/phq-9|1.0.0")

        let root = try #require(ContentTestSupport.repositoryRoot)
        let shipped = try JSONParser().parse(Array(try Data(contentsOf: root.appendingPathComponent("Questionnaires/phq-9.json"))))
        let focus = try #require(task["focus"]?["reference"]?.stringValue)
        #expect(focus == "Questionnaire/" + (shipped["id"]?.stringValue ?? "?"))
        #expect(canonical == (shipped["url"]?.stringValue ?? "") + "|" + (shipped["version"]?.stringValue ?? ""))
        #expect(FHIRDateRange.parse(task["restriction"]?["period"]?["end"]?.stringValue ?? "") != nil)
    }

    @Test("the blood-pressure observation is a zib-BloodPressure panel with plausible values")
    func bloodPressureObservation() throws {
        let observation = try Self.request("observation-bloeddruk.json")
        #expect(observation["status"] == "final")
        #expect(observation["code"]?["coding"]?.arrayValue?.contains { $0["system"] == "http://loinc.org" && $0["code"] == "85354-9" } == true)
        #expect(FHIRDateRange.parse(observation["effectiveDateTime"]?.stringValue ?? "") != nil)
        var values: [String: (value: Int, unit: String)] = [:]
        for component in observation["component"]?.arrayValue ?? [] {
            let code = try #require(component["code"]?["coding"]?.arrayValue?.first)
            #expect(code["system"] == "http://loinc.org")
            let quantity = try #require(component["valueQuantity"])
            #expect(quantity["system"] == "http://unitsofmeasure.org")
            #expect(quantity["code"] == quantity["unit"])
            values[code["code"]?.stringValue ?? "?"] = (
                try #require(quantity["value"]?.numberValue?.int), quantity["code"]?.stringValue ?? "?")
        }
        let systolic = try #require(values["8480-6"])
        let diastolic = try #require(values["8462-4"])
        #expect(systolic.unit == "mm[Hg]" && diastolic.unit == "mm[Hg]")
        #expect((50...300).contains(systolic.value) && (30...200).contains(diastolic.value))
        #expect(systolic.value > diastolic.value)
        if let pulse = values["8867-4"] { #expect(pulse.unit == "/min") }
        #expect(Set(values.keys).isSubset(of: ["8480-6", "8462-4", "8867-4"]))
    }

    static func parameter(_ parameters: JSONObject, _ name: String) -> JSON? {
        parameters["parameter"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    @Test("the operation bodies carry the parameters docs/API.md describes")
    func operationBodies() throws {
        let connect = try Self.request("connect-code.json")
        let days = try #require(Self.parameter(connect, "validDays")?["valueInteger"]?.numberValue?.int)
        #expect((1...30).contains(days))
        let delegate = try Self.request("delegate.json")
        let name = try #require(Self.parameter(delegate, "name")?["valueString"]?.stringValue)
        #expect(!name.isEmpty && name.count <= 200)
        let relationship = Self.parameter(delegate, "relationship")
        let code = relationship?["valueCode"]?.stringValue ?? relationship?["valueString"]?.stringValue
        #expect(relationship == nil || ["caregiver", "parent", "guardian"].contains(code ?? ""))
    }

    // MARK: Readings CSV

    struct Reading {
        let line: Int
        let datetime: String
        let systolic: Int
        let diastolic: Int
        let pulse: Int?
        let arm: String
        let position: String
    }

    static func readings() throws -> [Reading] {
        let lines = try text("readings/bloeddruk-2-weken.csv").split(whereSeparator: \.isNewline).map(String.init)
        try #require(lines.first == "datetime,systolic,diastolic,pulse,arm,position", "header")
        var readings: [Reading] = []
        for (offset, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 6, "line \(offset + 1): \(fields.count) fields")
            var pulse: Int?
            if !fields[3].isEmpty {
                let value: Int = try #require(Int(fields[3]), "line \(offset + 1): pulse")
                pulse = value
            }
            readings.append(Reading(
                line: offset + 1, datetime: fields[0],
                systolic: try #require(Int(fields[1]), "line \(offset + 1): systolic"),
                diastolic: try #require(Int(fields[2]), "line \(offset + 1): diastolic"),
                pulse: pulse, arm: fields[4], position: fields[5]))
        }
        return readings
    }

    @Test("the readings CSV has its header and 28+ plausible readings")
    func readingsParse() throws {
        let readings = try Self.readings()
        #expect(readings.count >= 28)
        for reading in readings {
            let range = FHIRDateRange.parse(reading.datetime)
            #expect(range.map { $0.high - $0.low } == 1000, "line \(reading.line): \(reading.datetime) is not a dateTime to the second")
            #expect(reading.datetime.hasSuffix("+01:00"), "line \(reading.line): November in the Netherlands is +01:00")
            #expect((50...300).contains(reading.systolic), "line \(reading.line)")
            #expect((30...200).contains(reading.diastolic), "line \(reading.line)")
            #expect(reading.systolic > reading.diastolic, "line \(reading.line)")
            if let pulse = reading.pulse { #expect((30...220).contains(pulse), "line \(reading.line)") }
            #expect(["", "left", "right"].contains(reading.arm), "line \(reading.line)")
            #expect(["", "sitting", "standing", "lying"].contains(reading.position), "line \(reading.line)")
        }
    }

    @Test("two weeks, morning and evening: 28 distinct readings plus one duplicate row, a few elevated")
    func readingsShape() throws {
        let readings = try Self.readings()
        let instants = readings.compactMap { FHIRDateRange.parse($0.datetime)?.low }
        #expect(instants.count == readings.count)
        #expect(Set(instants).count == 28, "distinct readings")
        #expect(readings.count - Set(instants).count == 1, "exactly one duplicate row")
        let days = Dictionary(grouping: Set(readings.map(\.datetime)), by: { $0.prefix(10) })
        #expect(days.count == 14)
        #expect(days.values.allSatisfy { $0.count == 2 })
        let elevated = readings.filter { $0.systolic >= 140 || $0.diastolic >= 90 }
        #expect(elevated.count >= 2 && elevated.count <= readings.count / 2)
    }

    // MARK: Demo walk-through

    @Test("demo.sh is executable, strict, and uses every request sample")
    func demoScript() throws {
        let samples = try #require(Self.samples)
        let path = samples.appendingPathComponent("demo.sh").path
        #expect(FileManager.default.isExecutableFile(atPath: path))
        let script = try Self.text("demo.sh")
        #expect(script.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(script.contains("set -euo pipefail"))
        #expect(!script.contains("jq "), "the demo must not need jq")
        for name in Self.requestFiles {
            #expect(script.contains(name), "demo.sh does not use requests/\(name)")
        }
    }
}
