import Foundation
import ScenarioFormat

/// A baseline of checks, as the command line names it.
public typealias SecurityBaseline = CheckBaseline

/// The security baselines built into `pimsim check --baseline NAME`, and reading baseline files.
public enum SecurityBaselines {
    /// The names of the built-in baselines.
    public static let builtIn = ["cisa"]

    /// CISA ScubaGear's MS.AAD.7.1-7.9 as a baseline file (`docs/baselines/cisa.yaml` is a copy).
    public static let cisaText = """
    # CISA ScubaGear's Microsoft Entra ID baseline, section 7 (highly privileged user access), as
    # pimsim checks it over a scenario's simulated history: each policy is a CISA check of
    # docs/alerts.md, and it passes when the check never fires during the run.
    # `pimsim check FILE --baseline cisa` uses this baseline (built in; this file is a copy that the
    # tests keep equal to it). docs/ci.md explains baseline files.
    baseline: cisa
    description: CISA ScubaGear MS.AAD.7.1-7.9, evaluated over the simulated history
    assertions:
      - id: MS.AAD.7.1v1
        title: Two to eight users hold Global Administrator.
        alert: CISA.MS.AAD.7.1v1
        fires: false
      - id: MS.AAD.7.2v1
        title: Privileged users get finer-grained roles than Global Administrator (no more Global Administrators than users of the other highly privileged roles).
        alert: CISA.MS.AAD.7.2v1
        fires: false
      - id: MS.AAD.7.3v1
        title: Users of highly privileged roles are cloud-only accounts, not synchronised from an on-premises directory.
        alert: CISA.MS.AAD.7.3v1
        fires: false
      - id: MS.AAD.7.4v1
        title: No highly privileged role is assigned permanently active (break-glass accounts and alerts.cisa.exclusions aside).
        alert: CISA.MS.AAD.7.4v1
        fires: false
      - id: MS.AAD.7.5v1
        title: Highly privileged roles are assigned through PIM only, never outside it.
        alert: CISA.MS.AAD.7.5v1
        fires: false
      - id: MS.AAD.7.6v1
        title: Activating Global Administrator requires approval.
        alert: CISA.MS.AAD.7.6v1
        fires: false
      - id: MS.AAD.7.7v1
        title: Eligible and active assignments of highly privileged roles alert an additional recipient.
        alert: CISA.MS.AAD.7.7v1
        fires: false
      - id: MS.AAD.7.8v1
        title: Activating Global Administrator alerts an additional recipient.
        alert: CISA.MS.AAD.7.8v1
        fires: false
      - id: MS.AAD.7.9v1
        title: Activating the other highly privileged roles alerts an additional recipient (a "should" policy).
        alert: CISA.MS.AAD.7.9v1
        fires: false
        severity: medium
    """

    /// The baseline `argument` names: a built-in one (`cisa`) or a file of assertions.
    public static func resolve(_ argument: String) throws(UseCaseError) -> CheckBaseline {
        if argument != "cisa" && !FileManager.default.fileExists(atPath: argument) {
            throw .invalidInput("--baseline '\(argument)': no built-in baseline has that name (built in: \(builtIn.joined(separator: ", "))), and no such file of assertions")
        }
        let (text, file) = argument == "cisa" ? (cisaText, "<built-in baseline cisa>") : (nil, argument)
        let loaded = text.map { ScenarioLoader.decodeBaseline(text: $0, file: file, defaultName: argument) }
            ?? ScenarioLoader.loadBaseline(path: argument)
        guard let baseline = loaded.baseline else {
            let errors = loaded.diagnostics.filter { $0.severity == .error }.count
            throw .invalidScenario(path: file, problems: loaded.diagnostics.map(\.description), errorCount: errors,
                                   consequence: "no scenario was checked (--baseline takes cisa or a file of assertions)")
        }
        return baseline
    }
}
