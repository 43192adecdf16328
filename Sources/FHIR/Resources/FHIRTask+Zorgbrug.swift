extension FHIRTask {
    /// The due date: `restriction.period.end` (DESIGN.md §6).
    public var dueDate: FHIRDateTime? {
        restriction?.period?.end
    }

    /// The first input whose `type` has a coding with this code (e.g. `questionnaire`).
    public func input(code: String) -> Parameter? {
        input.first { $0.type?.coding.contains { $0.code == code } == true }
    }

    /// The first output whose `type` has a coding with this code.
    public func output(code: String) -> Parameter? {
        output.first { $0.type?.coding.contains { $0.code == code } == true }
    }
}
