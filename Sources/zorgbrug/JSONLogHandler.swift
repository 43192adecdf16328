import FHIR
import Foundation
import Logging

/// A swift-log handler that writes one JSON object per line to standard error: `ts`, `level`, `label`,
/// `message` and the metadata keys — the production log format.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: JSONObject = [
            "ts": .string(FHIRInstant.format(milliseconds: SystemClock.milliseconds())),
            "level": .string(event.level.rawValue),
            "label": .string(label),
            "message": .string(event.message.description),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            if let value = merged[key] { object[key] = .string(value.description) }
        }
        let line = JSON.object(object).serialized() + [0x0A]
        FileHandle.standardError.write(Data(line))
    }
}
