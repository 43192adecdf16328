/// The parser holds only its depth limit, so one instance may be shared across tasks.
extension JSONParser: Sendable {}
