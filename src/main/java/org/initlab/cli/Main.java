package org.initlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.initlab.UserError;
import org.initlab.Version;
import org.initlab.catalog.NearestName;
import org.initlab.io.FileProblem;
import org.initlab.io.ParseProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code initlab}: the command line. User errors print one line and exit with code 2. */
@Command(name = "initlab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "A workbench for studying how weight initialization shapes the training of MLPs.",
        subcommands = {RunCommand.class, MergeCommand.class, ReportCommand.class, ListCommand.class, ShowCommand.class, ExportCommand.class, CommandLine.HelpCommand.class, DataCommand.class})
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
            PrintWriter err = commandLine.getErr();
            int code = exitCode(ex);
            err.println("initlab: " + TerminalText.safe(message(ex)));
            if (code == 1) {
                if (System.getenv("INITLAB_DEBUG") != null) ex.printStackTrace(err);
                else err.println("initlab: this is a bug in initlab; INITLAB_DEBUG=1 shows where it happened");
            }
            err.flush();
            return code;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("initlab: " + TerminalText.safe(parameterMessage(ex)) + " (see 'initlab " + commandPath(ex.getCommandLine()) + "--help')");
            err.flush();
            return 2;
        });
        return cli;
    }

    /**
     * A command-line mistake in one line: a misspelt command or option gets the nearest valid
     * one ({@link NearestName}), not picocli's "Unmatched argument at index 0".
     */
    static String parameterMessage(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return ex.getMessage();
        String word = u.getUnmatched().getFirst();
        String path = commandPath(c);
        if (word.startsWith("-") && word.length() > 1) {
            String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            String near = NearestName.of(option, c.getCommandSpec().optionsMap().keySet());
            return "unknown option '" + option + "'" + (near == null ? "" : "; did you mean '" + near + "'?");
        }
        if (!c.getSubcommands().isEmpty()) {
            List<String> commands = List.copyOf(c.getSubcommands().keySet());
            String near = NearestName.of(word, commands);
            return "unknown command '" + path + word + "'" + (near == null ? "" : "; did you mean '" + path + near + "'?")
                    + "; commands: " + String.join(", ", commands);
        }
        return "unexpected argument '" + word + "'";
    }

    /**
     * 2 for what the user can fix: a {@link UserError}, or an I/O failure (a file that cannot be
     * read or written, a full disk); 1 for anything else, which is a bug.
     */
    static int exitCode(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UserError || t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) return 2;
        }
        return 1;
    }

    /**
     * The one line to print: the user error's message, the I/O failure's in words
     * ({@link FileProblem}), or what went wrong; never an exception's class name.
     */
    static String message(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) if (t instanceof UserError) return withoutParserInternals(t);
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException e) {
                ParseProblem p = ParseProblem.of(e, null);
                return "not valid JSON or YAML" + (p.where().isEmpty() ? "" : " " + p.where()) + ": "
                        + (p.path().isEmpty() ? "" : p.path() + ": ") + p.what();
            }
            if (t instanceof java.io.IOException e) return FileProblem.describe(e);
        }
        String detail = ex.getMessage() == null || ex.getMessage().isBlank() ? "" : ": " + ex.getMessage();
        return switch (ex) {
            case StackOverflowError e -> "unexpected error: ran out of stack";
            case OutOfMemoryError e -> "ran out of memory" + detail + " (give Java more with -Xmx, or run fewer jobs at once)";
            default -> "unexpected error" + (detail.isEmpty() ? " without a message" : detail);
        };
    }

    /**
     * A user error's message; where it quotes a JSON or YAML reader's own message (a study folder's
     * damaged study.json: "... is not readable: " + Jackson's text), that part in words instead.
     */
    private static String withoutParserInternals(Throwable userError) {
        String m = userError.getMessage();
        for (Throwable c = userError.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException e && e.getMessage() != null && m.contains(e.getMessage())) {
                return m.replace(e.getMessage(), ParseProblem.of(e, null).toString());
            }
        }
        return m;
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
