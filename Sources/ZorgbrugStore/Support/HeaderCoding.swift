import FHIR

/// Stores response headers as a JSON array of `[name, value]` pairs, keeping order and repeats.
enum HeaderCoding {
    static func encode(_ headers: [(String, String)]) -> String {
        JSON.array(headers.map { JSON.array([.string($0.0), .string($0.1)]) }).serializedString()
    }

    static func decode(_ text: String) throws(StoreError) -> [(String, String)] {
        let corrupt = StoreError.corrupt(
            "A stored idempotency record is damaged; delete it or restore the database from a backup.")
        guard let items = (try? JSONParser().parse(text))?.arrayValue else { throw corrupt }
        var headers: [(String, String)] = []
        for item in items {
            guard let pair = item.arrayValue, pair.count == 2, let name = pair[0].stringValue,
                let value = pair[1].stringValue
            else { throw corrupt }
            headers.append((name, value))
        }
        return headers
    }
}
