import Testing

@testable import ZorgbrugStore

@Suite struct IdempotencyTests {
    @Test func roundTrip() throws {
        let clock = ManualClock(start: 7_000)
        let store = try memoryStore(clock)
        let headers = [
            ("Location", "/fhir/Task/1/_history/1"), ("ETag", "W/\"1\""), ("X-Dup", "a"), ("X-Dup", "b \"q\""),
        ]
        let body: [UInt8] = [0, 1, 2, 255, 0x7B]
        try store.writeSync {
            try $0.saveIdempotency(
                clientID: "c1", key: "k1", requestHash: "h", status: 201, headers: headers, body: body)
        }
        let record = try store.readSync { try $0.idempotencyRecord(clientID: "c1", key: "k1") }
        #expect(
            record == IdempotencyRecord(requestHash: "h", status: 201, headers: headers, body: body, createdAt: 7_000))
        #expect(try store.readSync { try $0.idempotencyRecord(clientID: "c2", key: "k1") } == nil)
        #expect(try store.readSync { try $0.idempotencyRecord(clientID: "c1", key: "k2") } == nil)
    }

    @Test func sameKeyTwiceIsDuplicate() throws {
        let store = try memoryStore()
        try store.writeSync {
            try $0.saveIdempotency(clientID: "c", key: "k", requestHash: "h1", status: 201, headers: [], body: [])
        }
        #expect {
            try store.writeSync {
                try $0.saveIdempotency(clientID: "c", key: "k", requestHash: "h2", status: 200, headers: [], body: [])
            }
        } throws: { error in
            (error as? StoreError)?.code == .duplicate
        }
        #expect(try store.readSync { try $0.idempotencyRecord(clientID: "c", key: "k") }?.requestHash == "h1")
    }

    @Test func purgeRemovesOnlyOlderRecords() throws {
        let clock = ManualClock(start: 1_000, step: 1_000)
        let store = try memoryStore(clock)
        for key in ["a", "b", "c"] {  // created at 1000, 2000, 3000
            try store.writeSync {
                try $0.saveIdempotency(clientID: "c", key: key, requestHash: "h", status: 200, headers: [], body: [])
            }
        }
        #expect(try store.writeSync { try $0.purgeIdempotency(olderThan: 2_500) } == 2)
        #expect(try store.readSync { try $0.idempotencyRecord(clientID: "c", key: "b") } == nil)
        #expect(try store.readSync { try $0.idempotencyRecord(clientID: "c", key: "c") } != nil)
        #expect(try store.writeSync { try $0.purgeIdempotency(olderThan: 2_500) } == 0)
    }
}
