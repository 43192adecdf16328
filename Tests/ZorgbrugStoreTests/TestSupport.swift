import FHIR
import Foundation
import ZorgbrugCore

@testable import ZorgbrugStore

/// A clock the test moves by hand; every reading also advances it by `step` ms, so successive writes get
/// distinct, increasing times unless a test says otherwise.
final class ManualClock: @unchecked Sendable {
    // Invariant: `now` and `step` are only touched while holding `lock`.
    private let lock = NSLock()
    private var now: Int64
    private var step: Int64

    init(start: Int64 = 1_700_000_000_000, step: Int64 = 1) {
        self.now = start
        self.step = step
    }

    func read() -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        let value = now
        now += step
        return value
    }

    func set(_ value: Int64, step: Int64 = 1) {
        lock.lock()
        defer { lock.unlock() }
        now = value
        self.step = step
    }

    var closure: @Sendable () -> Int64 { { self.read() } }
}

/// A temporary directory holding one database file, removed when the test ends.
final class TemporaryDatabase: Sendable {
    let directory: String
    var path: String { directory + "/nested/zorgbrug.sqlite" }

    init() {
        directory = NSTemporaryDirectory() + "zorgbrug-store-" + UUID().uuidString
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

struct Boom: Error {}

/// A Task resource for `patient` with `status`, indexed the way the extractor would.
func task(
    _ id: String, patient: String? = nil, organization: String? = nil, status: String = "ready",
    extra: [SearchIndexEntry] = []
) -> NewResource {
    var json: JSONObject = ["resourceType": "Task", "status": .string(status), "intent": "order"]
    var index = [
        SearchIndexEntry(parameter: "status", value: .token(system: "http://hl7.org/fhir/task-status", code: status))
    ]
    if let patient {
        json["for"] = ["reference": .string("Patient/\(patient)")]
        index.append(SearchIndexEntry(parameter: "patient", value: .reference(type: "Patient", id: patient)))
    }
    return NewResource(
        type: "Task", id: id, json: json, index: index + extra, patientId: patient, organizationId: organization)
}

/// A resource of `type` with just these index entries.
func resource(_ type: String, _ id: String, _ index: [SearchIndexEntry], patient: String? = nil) -> NewResource {
    NewResource(type: type, id: id, json: ["resourceType": .string(type)], index: index, patientId: patient)
}

extension ResourceStore {
    /// Creates each resource in its own transaction and returns the stored versions.
    @discardableResult
    func createAll(_ resources: [NewResource]) throws -> [StoredResource] {
        try resources.map { r in try writeSync { try $0.create(r, ifNoneExist: nil).resource } }
    }

    /// The ids a query finds on its first page.
    func ids(_ query: SearchQuery) throws -> [String] {
        try readSync { try $0.search(query).resources.map(\.id) }
    }
}

func memoryStore(_ clock: ManualClock = ManualClock()) throws -> ResourceStore {
    try ResourceStore.inMemory(clock: clock.closure)
}

/// A one-shot signal fired from any thread (say a database queue) and awaited without blocking a thread: tests
/// must not block Swift's cooperative threads on something that needs one of them to happen.
final class AsyncSignal: @unchecked Sendable {
    // Invariant: `fired` and `waiter` are only touched while holding `lock`.
    private let lock = NSLock()
    private var fired = false
    private var waiter: CheckedContinuation<Void, Never>?

    func fire() {
        lock.lock()
        fired = true
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume()
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            if fired {
                lock.unlock()
                continuation.resume()
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
