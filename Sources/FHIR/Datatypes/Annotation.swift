/// A note with its author and time.
///
/// See [Annotation](https://hl7.org/fhir/R4/datatypes.html#Annotation).
public struct Annotation: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A note with text (markdown).
    public init(text: String) {
        self.jsonObject = ["text": .string(text)]
    }

    /// The note (markdown); required in FHIR.
    public var text: String? {
        get { jsonObject.string("text") }
        set { jsonObject.setString("text", newValue) }
    }

    /// The author as a reference.
    public var authorReference: Reference? {
        get { jsonObject.element("authorReference") }
        set { jsonObject.setElement("authorReference", newValue) }
    }

    /// The author as a name.
    public var authorString: String? {
        get { jsonObject.string("authorString") }
        set { jsonObject.setString("authorString", newValue) }
    }

    /// When the note was made.
    public var time: FHIRDateTime? {
        get { jsonObject.element("time") }
        set { jsonObject.setElement("time", newValue) }
    }
}
