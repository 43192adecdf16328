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

extension ResourceID {
    /// A fresh random (version 4) UUID in lowercase text, e.g. `"3f2b8c1e-9d4a-4e7b-a0c5-1b2d3e4f5a6b"`: the form
    /// of server-assigned resource ids, request ids and grant ids.
    ///
    /// Draws from the system's secure generator (`getrandom` on Linux). Foundation's `UUID()` opens and reads
    /// `/dev/urandom` on every call there, three system calls per id, which showed up on every request's profile.
    package static func randomUUID() -> String {
        var generator = SystemRandomNumberGenerator()
        var high = generator.next() as UInt64
        var low = generator.next() as UInt64
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000  // version 4
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 9562 variant
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, shift) in stride(from: 60, through: 0, by: -4).enumerated() {
            if index == 8 || index == 12 { text.append(0x2D) }
            text.append(hex[Int((high >> UInt64(shift)) & 0xF)])
        }
        for (index, shift) in stride(from: 60, through: 0, by: -4).enumerated() {
            if index == 0 || index == 4 { text.append(0x2D) }
            text.append(hex[Int((low >> UInt64(shift)) & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
