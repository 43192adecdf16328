/// A failure at run time (busy port, invalid content, unreadable database), as opposed to a mistake in the
/// command line: ArgumentParser prints `Error: <description>` and exits with status 1, without the usage text
/// that a `ValidationError` would add.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
