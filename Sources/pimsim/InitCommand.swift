import ArgumentParser
import PimsimKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter scenario (and the JSON Schema beside it for editors).",
        discussion: """
        Writes NAME.yaml (default: the template's name) from a template: quickstart (break-glass \
        accounts and a just-in-time administrator with approval), jit (standing against eligible \
        administrators, with a variant and relative assertions), approvals (approval waits checked \
        over replications), governance (an access review, a leaver, alerts and CISA checks); and \
        pimsim.schema.json beside it, which the scenario's first line names for VS Code.
        """
    )

    @Argument(help: "The scenario's name; the file is NAME.yaml.")
    var name: String?

    @Option(name: .long, help: "The template: quickstart (default), jit, approvals or governance.")
    var from = "quickstart"

    @Option(name: [.short, .long], help: "Write the scenario to this file instead of NAME.yaml.")
    var output: String?

    @Flag(name: .long, help: "Overwrite an existing scenario file.")
    var force = false

    func run() throws {
        let paths = try perform { () throws(UseCaseError) in
            try StarterScenarios.write(name: name, template: from, path: output, force: force)
        }
        for path in paths { print("wrote \(path)") }
    }
}
