/// Comparisons whose running time does not depend on where two secrets first differ.
package enum ConstantTime {
    /// `true` when both byte sequences are equal. Runs in time proportional to the longer input, whatever the
    /// contents; only the lengths leak, which are public for hashes.
    package static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        let left = Array(lhs)
        let right = Array(rhs)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        if left.count != right.count { difference |= 1 }
        let length = max(left.count, right.count)
        for index in 0..<length {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }

    /// String form of ``equals(_:_:)-(Collection<UInt8>,Collection<UInt8>)``, comparing UTF-8 bytes
    /// (use it for hex digests).
    package static func equals(_ lhs: String, _ rhs: String) -> Bool {
        equals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
