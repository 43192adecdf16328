/// `meta.versionId` and `meta.lastUpdated` of a resource object, created on demand and removed when empty.
extension JSONObject {
    var metaVersionId: String? {
        get { self["meta"]?.objectValue?.string("versionId") }
        set { editMeta { $0.setString("versionId", newValue) } }
    }

    var metaLastUpdated: FHIRInstant? {
        get { self["meta"]?.objectValue?.element("lastUpdated") }
        set { editMeta { $0.setElement("lastUpdated", newValue) } }
    }

    private mutating func editMeta(_ edit: (inout JSONObject) -> Void) {
        var meta = self["meta"]?.objectValue ?? JSONObject()
        edit(&meta)
        self["meta"] = meta.isEmpty ? nil : .object(meta)
    }
}
