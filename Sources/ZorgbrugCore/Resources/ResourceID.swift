/// Rules for FHIR logical ids (https://hl7.org/fhir/R4/datatypes.html#id): 1–64 of `A-Z a-z 0-9 - .`.
package enum ResourceID {
    /// `true` when `id` is a valid FHIR id.
    package static func isValid(_ id: some StringProtocol) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 64 else { return false }
        return id.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E
        }
    }
}
