import ArgumentParser
import PimsimKit

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the scenario format, for editors.",
        discussion: """
        Save it beside your scenarios (pimsim schema > pimsim.schema.json) and start each scenario with \
        '# yaml-language-server: $schema=pimsim.schema.json' for completion, hover help and red \
        squiggles in VS Code (Red Hat's YAML extension). --baseline prints the schema of baseline \
        files instead. See docs/scenario-format.md.
        """
    )

    @Flag(name: .long, help: "Print the schema of baseline files (pimsim check --baseline FILE) instead.")
    var baseline = false

    func run() throws {
        print(baseline ? Schemas.baseline() : Schemas.scenario(), terminator: "")
    }
}
