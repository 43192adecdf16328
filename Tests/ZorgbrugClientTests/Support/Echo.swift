import FHIR
import Foundation
import ZorgbrugClient

/// What the test receiver saw of a request, decoded from its JSON answer.
struct Echo {
    let method: String
    let path: String
    let headers: [(String, String)]
    let body: [UInt8]
    let clientPort: Int
    let clientCertificate: String?
    /// The request body parsed as JSON (paths under `/fhir/` only).
    let json: JSON?

    struct Malformed: Error {}

    init(_ response: HTTPClientResponse) throws {
        try self.init(json: JSONParser().parse(response.body))
    }

    init(json: JSON) throws {
        guard let method = json["method"]?.stringValue, let path = json["path"]?.stringValue,
            let headerPairs = json["headers"]?.arrayValue, let body64 = json["body"]?.stringValue,
            let body = Data(base64Encoded: body64), let port = json["clientPort"]?.numberValue?.int
        else { throw Malformed() }
        self.method = method
        self.path = path
        headers = headerPairs.compactMap { pair in
            guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue,
                let value = items[1].stringValue
            else { return nil }
            return (name, value)
        }
        self.body = Array(body)
        clientPort = port
        clientCertificate = json["clientCert"]?.stringValue
        self.json = json["json"].flatMap { $0.isNull ? nil : $0 }
    }

    /// Every value of the request header `name` (any case).
    func header(_ name: String) -> [String] {
        headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
    }
}
