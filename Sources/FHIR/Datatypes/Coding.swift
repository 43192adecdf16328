/// A code from a code system: `system`, `code`, `display`.
///
/// See [Coding](https://hl7.org/fhir/R4/datatypes.html#Coding).
public struct Coding: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A coding from its parts; `nil` parts are left out.
    public init(system: String?, code: String?, display: String? = nil) {
        self.jsonObject = JSONObject()
        self.system = system
        self.code = code
        self.display = display
    }

    /// The code system URI.
    public var system: String? {
        get { jsonObject.string("system") }
        set { jsonObject.setString("system", newValue) }
    }

    /// The code system version.
    public var version: String? {
        get { jsonObject.string("version") }
        set { jsonObject.setString("version", newValue) }
    }

    /// The code.
    public var code: String? {
        get { jsonObject.string("code") }
        set { jsonObject.setString("code", newValue) }
    }

    /// The display text defined by the system.
    public var display: String? {
        get { jsonObject.string("display") }
        set { jsonObject.setString("display", newValue) }
    }

    /// `true` when `system` and `code` both equal the given ones.
    public func matches(system: String, code: String) -> Bool {
        self.system == system && self.code == code
    }
}
