package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code initlab}: the command line. User errors print one line and exit with code 2. */
@Command(name = "initlab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "A workbench for studying how weight initialization shapes the training of MLPs.",
        subcommands = {RunCommand.class, ReportCommand.class, ListCommand.class, ShowCommand.class, ExportCommand.class, CommandLine.HelpCommand.class, DataCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 bad input). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            while (t != null && !(t instanceof UserError)) t = t.getCause();
            PrintWriter err = commandLine.getErr();
            if (t != null) {
                err.println("initlab: " + t.getMessage());
                err.flush();
                return 2;
            }
            throw ex;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("initlab: " + ex.getMessage() + " (see 'initlab " + commandPath(ex.getCommandLine()) + "--help')");
            err.flush();
            return 2;
        });
        return cli;
    }

    private static String commandPath(CommandLine c) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine p = c; p.getParent() != null; p = p.getParent()) sb.insert(0, p.getCommandName() + " ");
        return sb.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"initlab " + Version.current() + " (Java " + Runtime.version() + ")"};
        }
    }
}
