import FHIR
import Testing

@testable import ZorgbrugStore

@Suite struct SupportTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_763_866_251_123, "2025-11-23T02:50:51.123Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ])
    func instantText(epochMilliseconds: Int64, expected: String) {
        #expect(InstantText.format(epochMilliseconds) == expected)
    }

    @Test func headerCodingRoundTripsAndRejectsGarbage() throws {
        let headers = [("A", "1"), ("A", "2"), ("Quote\"", "é\n")]
        let decoded = try HeaderCoding.decode(HeaderCoding.encode(headers))
        #expect(decoded.elementsEqual(headers, by: ==))
        for bad in ["", "{}", "[[\"a\"]]", "[[1, 2]]", "[\"a\"]"] {
            #expect(throws: StoreError.self) { try HeaderCoding.decode(bad) }
        }
    }

    @Test func hugeAndNegativeCountsDoNotTrap() throws {
        let store = try memoryStore()
        try store.createAll([task("a"), task("b")])
        #expect(try store.ids(SearchQuery(resourceType: "Task", scope: .unrestricted, count: Int.max)) == ["a", "b"])
        #expect(try store.ids(SearchQuery(resourceType: "Task", scope: .unrestricted, count: -5)) == [])
        let history = try store.readSync {
            try $0.history(type: nil, id: nil, since: nil, scope: .unrestricted, count: Int.max, cursor: nil)
        }
        #expect(history.versions.count == 2)
    }

    /// A store holding Task `a` whose stored JSON has been replaced by `text` (as only a hand edit could).
    private func storeWithTask(text: String) throws -> ResourceStore {
        let store = try memoryStore()
        try store.createAll([task("a")])
        try store.writeSync { writer throws in
            try writer.execute(sql: "UPDATE resource SET json = ? WHERE id = ?", arguments: [text, "a"])
        }
        return store
    }

    @Test(arguments: ["{not json", "[1,2]", "\"text\"", ""])
    func damagedStoredJSONIsCorruptNotACrash(text: String) throws {
        let store = try storeWithTask(text: text)
        #expect {
            try store.readSync { try $0.current(type: "Task", id: "a") }
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .corrupt && error.cause != nil
        }
    }

    @Test func readsKeepTheStoredTextAndParseOnlyWhenAsked() throws {
        let store = try memoryStore()
        var resource = task("a")
        resource.json["note"] = [["text": "1.50 \"quoted\" \u{e9}"]]
        resource.json["input"] = [["valueDecimal": .number(JSONNumber(text: "1.50")!)]]
        let created = try #require(try store.createAll([resource]).first)
        let read = try #require(try store.readSync { try $0.current(type: "Task", id: "a") })
        #expect(read.text == JSON.object(created.json).serialized())
        #expect(read.json == created.json)
        #expect(read == created)
        #expect(String(decoding: read.text, as: UTF8.self).contains("1.50"))
        // Setting the object replaces the text.
        var changed = read
        changed.json["status"] = "completed"
        #expect(String(decoding: changed.text, as: UTF8.self).contains(#""status":"completed""#))
        #expect(read.json["status"] == "ready")
    }

    @Test func storedTextThisParserRefusesIsServedAsIsNotACrash() throws {
        // Well-formed for SQLite's json_valid, refused by the FHIR parser (duplicate member).
        let duplicate = #"{"resourceType":"Task","id":"a","status":"ready","status":"done"}"#
        let store = try storeWithTask(text: duplicate)
        let read = try #require(try store.readSync { try $0.current(type: "Task", id: "a") })
        #expect(read.text == Array(duplicate.utf8))
        #expect(read.json == ["resourceType": "Task", "id": "a"])
    }

    @Test func errorMessagesSayWhatToDoAndHideSQLite() throws {
        let store = try memoryStore()
        try store.createAll([task("a")])
        do {
            _ = try store.writeSync { try $0.create(task("a"), ifNoneExist: nil) }
            Issue.record("expected a duplicate error")
        } catch let error as StoreError {
            #expect(error.code == .duplicate)
            #expect(error.code.rawValue == "duplicate")
            #expect(!error.message.localizedLowercase.contains("sqlite"))
            #expect(!error.message.contains("UNIQUE"))
            #expect(error.cause != nil)
        }
        let conflict = StoreError.versionConflict(current: 3)
        #expect(conflict.code == .versionConflict && conflict.currentVersion == 3)
        #expect(conflict.message.contains("W/\"3\""))
        #expect(StoreError.notFound(type: "Task", id: "x").currentVersion == nil)
    }
}
