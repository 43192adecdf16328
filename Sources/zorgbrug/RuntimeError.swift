/// A failure at run time (not a usage mistake): printed as `Error: …` without the usage text.
struct RuntimeError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
