import ZorgbrugCore

extension ZorgbrugError {
    /// `search-parameter-invalid` for parameter `name` with `value`, saying why.
    package static func searchParameterInvalid(_ name: String, _ value: String, _ reason: String) -> ZorgbrugError {
        ZorgbrugError(.searchParameterInvalid, expression: [name], arguments: ["parameter": name, "value": value, "reason": reason])
    }
}
