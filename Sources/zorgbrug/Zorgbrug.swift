import ArgumentParser

/// `zorgbrug`: the server and the operator's tools.
@main
struct Zorgbrug: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zorgbrug",
        abstract: "Zorgbrug: care providers publish eHealth tasks, PGOs return results, Zorgbrug syncs them back.",
        discussion: """
            Every option can also be set with an environment variable: ZORGBRUG_ followed by the option name in \
            capitals with underscores (--max-body-bytes → ZORGBRUG_MAX_BODY_BYTES). A flag on the command line wins.
            """,
        subcommands: [ServeCommand.self, ValidateContentCommand.self, AdminCommand.self],
        defaultSubcommand: ServeCommand.self)
}
