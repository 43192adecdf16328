import FHIR
import Synchronization

/// The JSON of a stored version as text, as an object, or both: each made from the other on first use and kept.
///
/// Shared by the copies of a ``StoredResource`` (a class, so the conversion happens once), and safe to use from
/// several tasks (the lazily made half is guarded by a mutex).
final class StoredBody: Sendable {
    private let state: Mutex<(text: [UInt8]?, object: JSONObject?)>
    /// For the fallback object when stored text cannot be parsed.
    private let type: String
    private let id: String

    init(object: JSONObject) {
        state = Mutex((text: nil, object: object))
        type = object["resourceType"]?.stringValue ?? ""
        id = object["id"]?.stringValue ?? ""
    }

    init(text: [UInt8], type: String, id: String) {
        state = Mutex((text: text, object: nil))
        self.type = type
        self.id = id
    }

    var text: [UInt8] {
        state.withLock { state in
            if let text = state.text { return text }
            let text = JSON.object(state.object ?? JSONObject()).serialized()
            state.text = text
            return text
        }
    }

    /// The parsed object. Text that SQLite accepted as JSON but this parser does not (only possible when the
    /// database was edited by hand, e.g. a duplicate member name) gives an object with just `resourceType` and `id`,
    /// never a crash; the text itself is still served as stored.
    var object: JSONObject {
        state.withLock { state in
            if let object = state.object { return object }
            let parsed = (try? JSONParser().parse(state.text ?? [])).flatMap(\.objectValue)
            let object = parsed ?? ["resourceType": .string(type), "id": .string(id)]
            state.object = object
            return object
        }
    }
}
