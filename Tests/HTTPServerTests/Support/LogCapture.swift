import Foundation
import HTTPServer
import Logging

/// Keeps every log record in memory so tests can check what was logged.
final class LogCapture: Sendable {
    /// One captured record.
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let records = LockedRecords()

    /// A logger that writes into this capture.
    var logger: Logger {
        let records = self.records
        return Logger(label: "zorgbrug.http") { _ in Handler(records: records) }
    }

    /// Everything logged so far.
    var all: [Record] { records.snapshot() }

    private struct Handler: LogHandler {
        let records: LockedRecords
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            records.append(Record(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}

/// A lock-guarded array of records (NSLock; every access holds it).
final class LockedRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [LogCapture.Record] = []

    func append(_ record: LogCapture.Record) {
        lock.withLock { records.append(record) }
    }

    func snapshot() -> [LogCapture.Record] {
        lock.withLock { records }
    }
}
