import FHIR
import Foundation
import HTTPServer
import ZorgbrugStore

/// Builds the HTTP responses of FHIR interactions: body, `Content-Type`, `ETag`, `Last-Modified`, `Location`.
package enum FHIRResponses {
    /// A resource version as the body, with its version headers (https://hl7.org/fhir/R4/http.html#read).
    package static func resource(_ stored: StoredResource, status: Int = 200, location: Bool = false, baseURL: String) -> HTTPResponse {
        var headers = versionHeaders(stored)
        if location {
            headers.set(name: "Location", value: "\(baseURL)/\(stored.type)/\(stored.id)/_history/\(stored.versionId)")
        }
        headers.set(name: "Content-Type", value: FHIRMediaType.json)
        return HTTPResponse(status: status, headers: headers, body: stored.text)
    }

    /// Any FHIR JSON body (Bundle, CapabilityStatement, Parameters).
    package static func json(_ object: JSONObject, status: Int = 200) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set(name: "Content-Type", value: FHIRMediaType.json)
        return HTTPResponse(status: status, headers: headers, body: JSON.object(object).serialized())
    }

    /// A body serialised already (a searchset Bundle built by ``BundleBuilder/searchsetBody``).
    package static func json(body: [UInt8], status: Int = 200) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set(name: "Content-Type", value: FHIRMediaType.json)
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// `ETag` and `Last-Modified` of a version.
    package static func versionHeaders(_ stored: StoredResource) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.set(name: "ETag", value: "W/\"\(stored.versionId)\"")
        headers.set(name: "Last-Modified", value: httpDate(milliseconds: stored.lastUpdated))
        return headers
    }

    /// An RFC 9110 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    package static func httpDate(milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        let days = Int(seconds / 86_400)
        let secondOfDay = Int(seconds % 86_400)
        let (year, month, day) = civil(fromDays: days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let monthName = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekday), \(two(day)) \(monthName) \(year) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) GMT"
    }

    private static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
