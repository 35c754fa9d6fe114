package org.initlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Usage help wrapped at the usage width ({@code $COLUMNS} or the terminal's) at spaces only.
 * picocli's own wrapping breaks wherever {@link java.text.BreakIterator} allows, which cuts
 * {@code e.g.} after its first dot and {@code initializer=he,activation=tanh} after a comma; here a
 * word longer than its column keeps its own line whole. The synopsis breaks only between its
 * bracketed groups. Installed for every command by {@link Main#commandLine(int)}.
 */
final class WrappedHelp extends Help {
    /** The widest the column of option and parameter names gets; a longer name puts its description on the next line. */
    private static final int MAX_NAME_COLUMN = 30;

    WrappedHelp(CommandSpec spec, ColorScheme colors) {
        super(spec, colors);
    }

    private int width() {
        return commandSpec().usageMessage().width();
    }

    private static String nl() {
        return System.lineSeparator();
    }

    @Override
    public String synopsis(int headingLength) {
        if (commandSpec().usageMessage().customSynopsis().length > 0) return super.synopsis(headingLength);
        Set<ArgSpec> inGroups = new HashSet<>();
        String text = createDetailedSynopsisGroupsText(inGroups).plainString()
                + createDetailedSynopsisOptionsText(inGroups, createShortOptionArityAndNameComparator(), true).plainString()
                + createDetailedSynopsisEndOfOptionsText().plainString()
                + createDetailedSynopsisPositionalsText(inGroups).plainString()
                + createDetailedSynopsisCommandText().plainString();
        String name = commandSpec().qualifiedName();
        String indent = " ".repeat(Math.min(headingLength + name.length() + 1, width() / 2));
        List<String> groups = topLevelGroups(text.strip());
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(" ".repeat(headingLength)).append(name);
        for (String g : groups) {
            if (line.length() + 1 + g.length() > width() && line.length() > indent.length()) {
                out.append(line.toString().stripTrailing()).append(nl());
                line = new StringBuilder(indent);
            } else {
                line.append(' ');
            }
            line.append(g);
        }
        out.append(line.toString().stripTrailing()).append(nl());
        // the heading ("Usage: ") is printed before this text: drop the room left for it
        return out.substring(headingLength);
    }

    /** The synopsis split at the spaces outside brackets: "[-hV]", "[--out=DIR]", "[[STUDY_DIR] RUN...]". */
    static List<String> topLevelGroups(String text) {
        List<String> groups = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '(') depth++;
            else if ((c == ']' || c == ')') && depth > 0) depth--;
            else if (c == ' ' && depth == 0) {
                if (i > start) groups.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) groups.add(text.substring(start));
        return groups;
    }

    @Override
    public String description(Object... params) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : commandSpec().usageMessage().description()) {
            for (String l : TerminalText.wrap(String.format(paragraph, params), width(), "", "")) out.append(l).append(nl());
        }
        return out.toString();
    }

    @Override
    public String parameterList() {
        return table(parameterRows(), argumentColumn());
    }

    @Override
    public String optionList() {
        return table(optionRows(), argumentColumn());
    }

    /** One column for parameters and options, so that their descriptions line up. */
    private int argumentColumn() {
        List<String[]> all = new ArrayList<>(parameterRows());
        all.addAll(optionRows());
        return column(all);
    }

    private List<String[]> parameterRows() {
        List<String[]> rows = new ArrayList<>();
        for (PositionalParamSpec p : commandSpec().positionalParameters()) {
            if (p.hidden()) continue;
            rows.add(new String[]{"      " + parameterLabelRenderer().renderParameterLabel(p, colorScheme().ansi(), List.of()).plainString(),
                    String.join(" ", p.description())});
        }
        return rows;
    }

    private List<String[]> optionRows() {
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec o : commandSpec().options()) if (!o.hidden()) options.add(o);
        options.sort(createShortOptionNameComparator());
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec o : options) {
            String shortName = null, longName = null;
            for (String n : o.names()) {
                if (n.startsWith("--") || n.length() > 2) longName = longName == null || n.length() > longName.length() ? n : longName;
                else shortName = n;
            }
            String label = parameterLabelRenderer().renderParameterLabel(o, colorScheme().ansi(), List.of()).plainString();
            String names = (shortName != null ? "  " + shortName + (longName != null ? ", " : "") : "      ")
                    + (longName != null ? longName : "") + label;
            rows.add(new String[]{names, String.join(" ", o.description())});
        }
        return rows;
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Help> e : subcommands.entrySet()) {
            CommandSpec s = e.getValue().commandSpec();
            if (s.usageMessage().hidden()) continue;
            String[] header = s.usageMessage().header();
            String[] description = s.usageMessage().description();
            rows.add(new String[]{"  " + e.getKey(), firstSentence(header.length > 0 ? header : description)});
        }
        return table(rows, column(rows));
    }

    /** A full stop before a space, not that of "e.g." or "i.e.". */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\be\\.g|\\bi\\.e)\\. ");

    /** The first sentence of a description whose lines picocli keeps as separate strings: never cut mid-sentence. */
    static String firstSentence(String[] lines) {
        String text = String.join(" ", lines).strip().replaceAll("\\s+", " ");
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    /** The description column: two past the longest name that fits in {@link #MAX_NAME_COLUMN}, at most half the width. */
    private int column(List<String[]> rows) {
        int column = 0;
        for (String[] r : rows) if (r[0].length() + 2 <= MAX_NAME_COLUMN) column = Math.max(column, r[0].length() + 2);
        return Math.min(Math.max(column, 12), width() / 2);
    }

    /** Names in a column, descriptions beside them wrapped at spaces, continued two columns in. */
    private String table(List<String[]> rows, int column) {
        String indent = " ".repeat(column);
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            String first;
            if (r[0].length() + 2 <= column) {
                first = r[0] + " ".repeat(column - r[0].length());
            } else {
                out.append(r[0]).append(nl());
                first = indent;
            }
            for (String l : TerminalText.wrap(r[1], width(), first, indent + "  ")) out.append(l.stripTrailing()).append(nl());
        }
        return out.toString();
    }

    /** Makes every command of {@code cli} print its help this way. */
    static void install(CommandLine cli) {
        cli.setHelpFactory(WrappedHelp::new);
        for (CommandLine sub : cli.getSubcommands().values()) install(sub);
    }
}
