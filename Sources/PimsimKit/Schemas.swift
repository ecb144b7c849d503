import ScenarioFormat

/// The `schema` use case: the JSON Schemas editors validate scenario and baseline files against.
public enum Schemas {
    /// The scenario format's JSON Schema (draft 2020-12), generated from the format's definition.
    public static func scenario() -> String { ScenarioSchema.text() }

    /// The JSON Schema of baseline files (`pimsim check --baseline FILE`).
    public static func baseline() -> String { ScenarioSchema.baselineText() }
}
