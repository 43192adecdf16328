import Crypto

/// Where secrets get their randomness: the operating system's CSPRNG in production, a fixed sequence in tests.
///
/// Every generator in this target takes one of these instead of calling a random API itself, so that tests can
/// make secrets and codes predictable. The closure must return exactly `count` bytes.
package struct RandomBytesSource: Sendable {
    private let generate: @Sendable (Int) -> [UInt8]

    /// Wraps a closure that returns `count` random bytes.
    ///
    /// Use this only in tests; production code uses ``system``.
    package init(_ generate: @escaping @Sendable (_ count: Int) -> [UInt8]) {
        self.generate = generate
    }

    /// BoringSSL's CSPRNG (through swift-crypto's `SymmetricKey`), seeded by the kernel.
    package static let system = RandomBytesSource { count in
        guard count > 0 else { return [] }
        return SymmetricKey(size: SymmetricKeySize(bitCount: count * 8)).withUnsafeBytes { Array($0) }
    }

    /// Returns `count` bytes from the source.
    ///
    /// A source that returns the wrong number of bytes is a programming error, caught here rather than producing a
    /// short secret.
    package func bytes(_ count: Int) -> [UInt8] {
        let result = generate(count)
        precondition(result.count == count, "RandomBytesSource returned \(result.count) bytes, expected \(count)")
        return result
    }
}
