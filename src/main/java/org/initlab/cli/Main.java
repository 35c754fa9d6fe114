package org.initlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.initlab.UserError;
import org.initlab.Version;
import org.initlab.catalog.NearestName;
import org.initlab.io.Disk;
import org.initlab.io.FileProblem;
import org.initlab.io.ParseProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code initlab}: the command line. User errors print one line and exit with code 2. */
@Command(name = "initlab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "A workbench for studying how weight initialization shapes the training of MLPs.",
        subcommands = {RunCommand.class, ServeCommand.class, MergeCommand.class, ReportCommand.class, CompareCommand.class, ListCommand.class,
                RunsCommand.class, ShowCommand.class, ExportCommand.class, CommandLine.HelpCommand.class, DataCommand.class, CompletionCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the commands write study folders, reports and exports. */
    private final Disk disk;

    private Main(Disk disk) {
        this.disk = disk;
    }

    /** The commands' disk (they reach it as their {@code @ParentCommand}). */
    Disk disk() {
        return disk;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 bad input). */
    public static int run(String... args) {
        return run(Disk.REAL, args);
    }

    /** {@link #run(String...)} writing through {@code disk}: a test's, which fails where it is told to. */
    public static int run(Disk disk, String... args) {
        return commandLine(disk).execute(args);
    }

    /** The command line, its help wrapped at {@code $COLUMNS}, else at the terminal's width (asked when help is printed). */
    static CommandLine commandLine() {
        return commandLine(Disk.REAL);
    }

    private static CommandLine commandLine(Disk disk) {
        CommandLine cli = commandLine(disk, 0);
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.trim().matches("\\d+")) cli.setUsageHelpWidth(Math.max(TerminalText.MIN_WIDTH, Integer.parseInt(columns.trim())));
        else cli.setUsageHelpAutoWidth(true);
        return cli;
    }

    /** The command line with its help wrapped at {@code width} columns (0: picocli's default, 80). */
    static CommandLine commandLine(int width) {
        return commandLine(Disk.REAL, width);
    }

    private static CommandLine commandLine(Disk disk, int width) {
        CommandLine cli = new CommandLine(new Main(disk));
        WrappedHelp.install(cli);
        if (width > 0) cli.setUsageHelpWidth(Math.max(TerminalText.MIN_WIDTH, width));
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
     * A command-line mistake in one line, in initlab's words: a misspelt command or option gets the
     * nearest valid one ({@link NearestName}), not picocli's "Unmatched argument at index 0" (and is
     * named before a parameter it left missing); a missing argument is named with what it is, a
     * missing option value with its label, a value of the wrong type as what it should be.
     */
    static String parameterMessage(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        List<String> unmatched = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched() : c.getUnmatchedArguments();
        if (!unmatched.isEmpty() && (ex instanceof CommandLine.UnmatchedArgumentException || unmatched.getFirst().startsWith("-"))) {
            return unmatched(c, unmatched.getFirst());
        }
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) return missing(c, m.getMissing());
        // "Invalid value for option '--jobs': 'abc' is not an int"
        return ex.getMessage().replaceAll("is not an? (int|long|short|byte)\\b", "is not a whole number")
                .replaceAll("is not an? (double|float)\\b", "is not a number");
    }

    private static String unmatched(CommandLine c, String word) {
        String path = commandPath(c);
        if (word.startsWith("-") && word.length() > 1) {
            String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            String near = NearestName.of(option, c.getCommandSpec().optionsMap().keySet());
            return "unknown option '" + option + "'" + (near == null ? "" : "; did you mean '" + near + "'?");
        }
        if (!c.getSubcommands().isEmpty()) {
            List<String> commands = List.copyOf(c.getSubcommands().keySet());
            String near = NearestName.of(word, commands);
            return "unknown command '" + path + word + "'" + (near == null ? "." : "; did you mean '" + path + near + "'?")
                    + " Commands: " + String.join(", ", commands);
        }
        return "unexpected argument '" + word + "'";
    }

    /** "'initlab report' needs STUDY_DIR: a study folder written by 'initlab run'", "option '--jobs' needs a value (N)". */
    private static String missing(CommandLine c, List<CommandLine.Model.ArgSpec> missing) {
        CommandLine.Model.ArgSpec first = missing.getFirst();
        if (first instanceof CommandLine.Model.OptionSpec o) return "option '" + o.longestName() + "' needs a value (" + o.paramLabel() + ")";
        List<String> what = new ArrayList<>();
        for (CommandLine.Model.ArgSpec a : missing) {
            if (!a.isPositional()) continue;
            String description = String.join(" ", a.description()).strip();
            int min = a.arity().min();
            what.add((min > 1 ? min + " or more " : "") + a.paramLabel() + (description.isEmpty() ? "" : ": " + description));
        }
        return "'initlab " + commandPath(c).strip() + "' needs " + String.join("; and ", what);
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
