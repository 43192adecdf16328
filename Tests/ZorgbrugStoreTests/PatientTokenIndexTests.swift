import Foundation
import GRDB
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

/// Token rows carry their resource's patient (`searchToken.patientId`, index `searchToken_patient`), and searches
/// whose patient is known read them through that index. It must find exactly what the primary key finds.
@Suite struct PatientTokenIndexTests {
    static let statuses = ["ready", "in-progress", "completed", "cancelled"]

    /// 400 Tasks over 20 patients in three organizations, then status changes and deletions.
    private func churnedStore() throws -> ResourceStore {
        let store = try memoryStore()
        var random = SystemRandomNumberGenerator()
        try store.writeSync { writer throws in
            for i in 0..<400 {
                let status = Self.statuses[Int.random(in: 0..<4, using: &random)]
                _ = try writer.create(task("t\(i)", patient: "p\(i % 20)", organization: "o\(i % 3)", status: status), ifNoneExist: nil)
            }
            for i in stride(from: 0, to: 400, by: 7) {
                let status = Self.statuses[Int.random(in: 0..<4, using: &random)]
                _ = try writer.update(task("t\(i)", patient: "p\(i % 20)", organization: "o\(i % 3)", status: status), ifMatch: nil)
            }
            for i in stride(from: 3, to: 400, by: 11) { _ = try writer.delete(type: "Task", id: "t\(i)") }
        }
        return store
    }

    /// Every page of `query`, in order.
    private func allIDs(_ store: ResourceStore, _ query: SearchQuery) throws -> [String] {
        var query = query
        var ids: [String] = []
        while true {
            let page = try store.readSync { try $0.search(query) }
            ids += page.resources.map(\.id)
            guard let next = page.next else { return ids }
            query.cursor = next
        }
    }

    @Test func aKnownPatientFindsExactlyWhatThePrimaryKeyFinds() throws {
        let store = try churnedStore()
        for patient in (0..<20).map({ "p\($0)" }) {
            for status in Self.statuses + ["ready,completed"] {
                let codes = status.split(separator: ",").map { TokenMatch(code: String($0)) }
                let conditions = [
                    SearchCondition(parameter: "patient", match: .reference([("Patient", patient)])),
                    SearchCondition(parameter: "status", match: .token(codes)),
                ]
                for sort in [SearchSort.lastUpdatedAscending, .lastUpdatedDescending] {
                    let plain = SearchQuery(resourceType: "Task", scope: .unrestricted, conditions: conditions, sort: sort, count: 3)
                    var known = plain
                    known.patientOfMatches = patient
                    let scoped = SearchQuery(resourceType: "Task", scope: .patient(patient), conditions: [conditions[1]], sort: sort, count: 3)
                    let expected = try allIDs(store, plain)
                    #expect(try allIDs(store, known) == expected, "\(patient) \(status)")
                    #expect(try allIDs(store, scoped) == expected, "\(patient) \(status) scoped")
                    #expect(try store.readSync { try $0.count(known) } == expected.count)
                }
            }
        }
        // The index rows follow the resource: an updated Task's old status is gone from it, a deleted Task's rows too.
        let stale = try store.readSync { reader in
            try Int.fetchOne(
                reader.db,
                sql: """
                    SELECT count(*) FROM searchToken t JOIN resource r ON r.type = t.type AND r.id = t.id
                    WHERE t.patientId IS NOT r.patientId OR r.deleted = 1
                    """)
        }
        #expect(stale == 0)
    }

    @Test func theMigrationGivesExistingTokenRowsTheirResourcesPatient() throws {
        let db = TemporaryDatabase()
        try FileManager.default.createDirectory(
            atPath: (db.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // A database written before the column existed.
        do {
            let queue = try DatabaseQueue(path: db.path)
            try StoreSchema.migrator.migrate(queue, upTo: "identityEpochOnPatientChange")
            try queue.write { db in
                for (id, patient) in [("t1", "p1"), ("t2", "p2")] {
                    try db.execute(
                        sql: """
                            INSERT INTO resource (type, id, versionId, lastUpdated, deleted, patientId, organizationId, json)
                            VALUES ('Task', ?, 1, 1, 0, ?, NULL, '{"resourceType":"Task"}')
                            """,
                        arguments: [id, patient])
                    try db.execute(
                        sql: "INSERT INTO searchToken (type, id, param, system, code) VALUES ('Task', ?, 'status', '', 'ready')",
                        arguments: [id])
                    try db.execute(
                        sql: """
                            INSERT INTO searchReference (type, id, param, targetType, targetId)
                            VALUES ('Task', ?, 'patient', 'Patient', ?)
                            """,
                        arguments: [id, patient])
                }
                try db.execute(
                    sql: "INSERT INTO searchToken (type, id, param, system, code) VALUES ('Questionnaire', 'q1', 'status', '', 'active')")
            }
        }
        let store = try ResourceStore(path: db.path, clock: { 0 })
        let rows = try store.readSync { reader in
            try Row.fetchAll(reader.db, sql: "SELECT id, patientId FROM searchToken ORDER BY id").map {
                [$0["id"] as String, ($0["patientId"] as String?) ?? "-"]
            }
        }
        #expect(rows == [["q1", "-"], ["t1", "p1"], ["t2", "p2"]])
        var query = SearchQuery(
            resourceType: "Task", scope: .unrestricted,
            conditions: [
                SearchCondition(parameter: "patient", match: .reference([("Patient", "p2")])),
                SearchCondition(parameter: "status", match: .token([TokenMatch(code: "ready")])),
            ])
        query.patientOfMatches = "p2"
        #expect(try store.ids(query) == ["t2"])
    }
}
