import ArgumentParser
import TenantModel

struct Roles: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in role catalogue.")

    @Flag(name: .long, help: "Only roles labelled privileged.")
    var privileged = false

    func run() {
        for role in RoleCatalogue.builtIn.roles where !privileged || role.privileged {
            let label = role.privileged ? "PRIVILEGED" : (role.escalation != nil ? "ESCALATION" : "          ")
            print("\(role.templateId ?? "-")  \(label)  \(role.name)")
        }
    }
}
