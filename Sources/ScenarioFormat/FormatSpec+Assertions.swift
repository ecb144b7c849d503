import TenantModel

/// The keys of assertions (checks on a run's metrics, alerts and Tier-0 reach), of baseline
/// files of assertions, and of training exercises.
extension FormatSpec {
    /// The bounds a metric (or an alert's figure) may be given.
    static let boundKeys = ["min", "max", "between", "atMost", "atLeast", "lessThanBaseline", "moreThanBaseline"]
    /// What an alert check looks at.
    static let alertMeasures = ["fires", "incidents", "triggeredHours"]
    /// What a Tier-0 check looks at.
    static let tier0Measures = ["reaches", "reachesLive"]

    /// The bound keys, shared by `metric:` assertions and an alert's `incidents` and `triggeredHours`.
    static let boundSpecs: [KeySpec] = [
        .optional("min", "the smallest allowed value", .number(-Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)),
        .optional("max", "the largest allowed value", .number(-Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)),
        .optional("between", "[min, max]", .list(.number(-Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude))),
        .optional("atMost", "at most another run's value: baseline, a variant's name, or 'P% of baseline' / 'P% of VARIANT'", .identifier),
        .optional("atLeast", "at least another run's value: baseline, a variant's name, or 'P% of baseline' / 'P% of VARIANT'", .identifier),
        .optional("lessThanBaseline", "at least this much below the baseline's value, such as 50%", .percentage),
        .optional("moreThanBaseline", "at least this much above the baseline's value, such as 20%", .percentage),
    ]

    static let boundRules: [MapRule] = [.atMostOne(["between", "min"]), .atMostOne(["between", "max"])]

    static let bounds = MapSpec(what: "bounds (a map)", keys: boundSpecs, rules: [.atLeastOne(boundKeys)] + boundRules)

    static let assertion = MapSpec(what: "an assertion (a map)", keys: [
        .optional("id", "a stable id for reports (JUnit, Maester-shaped JSON), default the assertion's place such as assertions[0]", .identifier),
        .optional("title", "what the check guards, in a sentence", .text),
        .optional("severity", "critical, high (default), medium, low or info", .enumeration(CheckSeverity.allCases.map(\.rawValue)), default: .string("high")),
        .optional("variant", "a variant name", .identifier),
        .optional("metric", "a metric key such as standingAdmins.max", .identifier),
        .optional("alert", "a PIM alert or CISA check id, such as TooManyGlobalAdminsAssignedToTenantAlert", .enumeration(AlertCatalogue.ids)),
        .optional("fires", "with alert: whether the alert may fire at all during the run", .boolean),
        .optional("incidents", "with alert: bounds on how many incidents it opens", .map(bounds)),
        .optional("triggeredHours", "with alert: bounds on the hours it is up", .map(bounds)),
        .optional("tier0", "a user or service principal id, or 'attacker': whose reach of Tier 0 is checked", .identifier),
        .optional("reaches", "with tier0: whether the principal may ever have a path to Tier 0", .boolean),
        .optional("reachesLive", "with tier0: whether the principal may ever have a live path (using live activations) to Tier 0", .boolean),
    ] + boundSpecs + [
        .optional("statistic", "with replications: mean (default), lower95 or upper95 of the 95 % confidence interval",
                  .enumeration(AssertionStatistic.allCases.map(\.rawValue)), default: .string("mean")),
    ], rules: [
        .exactlyOne(["metric", "alert", "tier0"]),
        .ifPresent("metric", [.atLeastOne(boundKeys), .forbidden(alertMeasures + tier0Measures)] + boundRules),
        .ifPresent("alert", [.exactlyOne(alertMeasures), .forbidden(boundKeys + tier0Measures)]),
        .ifPresent("tier0", [.exactlyOne(tier0Measures), .forbidden(boundKeys + alertMeasures)]),
    ])

    /// A file of assertions for `pimsim check --baseline FILE`.
    static let baselineFile = MapSpec(what: "a baseline of assertions (a map)", keys: [
        .optional("$schema", "the JSON Schema editors validate the file against (ignored by pimsim)", .text),
        .optional("baseline", "the baseline's name", .identifier),
        .optional("description", "free text", .text),
        .required("assertions", "the checks, as under a scenario's assertions", .list(.map(assertion))),
    ])

    static let exercise = MapSpec(what: "an exercise (a map)", keys: [
        .optional("title", "the exercise's title", .text),
        .optional("briefing", "what the trainee is told before starting", .text),
        .required("questions", "the questions: text, or {question, answer}", .list(.either([.text, .map(question)]), nonEmpty: true)),
    ])

    static let question = MapSpec(what: "a question (text, or a map)", keys: [
        .required("question", "the question", .text),
        .optional("answer", "the answer the trainer expects (only in the answer key)", .text),
    ])
}
