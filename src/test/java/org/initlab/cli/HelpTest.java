package org.initlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Help as a newcomer meets it: every command's help wraps at the terminal's width, at spaces, with
 * every word whole; the list of commands shows each one's first sentence whole; a misspelt command
 * gets the nearest one; and the completion script completes commands in bash.
 */
class HelpTest {
    @TempDir
    Path tmp;

    /** Every command's usage help at {@code width}, by command path. */
    static Map<String, String> helps(int width) {
        Map<String, String> out = new LinkedHashMap<>();
        collect(Main.commandLine(width), out);
        return out;
    }

    private static void collect(CommandLine c, Map<String, String> out) {
        out.put(c.getCommandSpec().qualifiedName(), c.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine sub : c.getSubcommands().values()) collect(sub, out);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).toList();
    }

    @Test
    void everyHelpWrapsAtTheWidthWithWholeWords() {
        Map<String, String> unwrapped = helps(10_000);
        assertTrue(unwrapped.keySet().containsAll(List.of("initlab", "initlab run", "initlab runs", "initlab show", "initlab list",
                "initlab export", "initlab report", "initlab data", "initlab data list", "initlab data fetch", "initlab completion")),
                unwrapped.keySet().toString());
        for (int width : new int[]{55, 60, 100}) {
            Map<String, String> wrapped = helps(width);
            for (Map.Entry<String, String> e : wrapped.entrySet()) {
                for (String line : e.getValue().split("\\R")) {
                    assertTrue(line.length() <= width, e.getKey() + " at " + width + " columns: " + line.length() + ": '" + line + "'");
                }
                assertEquals(words(unwrapped.get(e.getKey())), words(e.getValue()), e.getKey() + " at " + width + ": no word cut or lost");
            }
        }
    }

    /** The list of commands shows each command's first paragraph whole, not its first line cut mid-sentence. */
    @Test
    void theCommandListShowsWholeSentences() {
        String top = helps(100).get("initlab");
        assertTrue(top.contains("\n  report      Write a study's report (again) from its folder.\n"), top);
        assertTrue(top.contains("\n  export      Export a study's results: CSV tables for pandas and R, or runs' weights as .npz.\n"), top);
        assertTrue(top.contains("\n  runs        List a study's runs: id, labels, status, epochs, final test accuracy and loss.\n"), top);
        for (String line : top.split("\\R")) assertFalse(line.strip().endsWith(" and"), "cut: " + line);
        String list = helps(10_000).get("initlab");
        List<String> entries = list.substring(list.indexOf("Commands:")).lines().skip(1).filter(l -> l.startsWith("  ")).toList();
        assertTrue(entries.size() >= 12, list);
        for (String entry : entries) assertTrue(entry.strip().endsWith("."), "the list shows a sentence cut in half: " + entry);
        assertEquals("Compare A with B (e.g. a study under one protocol) at once.",
                WrappedHelp.firstSentence(new String[]{"Compare A with B (e.g. a study", "under one protocol) at once. Then more."}));
    }

    @Test
    void aMisspeltCommandGetsTheNearestOne() {
        BadInputTest.cli("rnus").line("unknown command 'rnus'; did you mean 'runs'?");
        BadInputTest.cli("shwo").line("unknown command 'shwo'; did you mean 'show'?");
        BadInputTest.cli("completion", "fish").line("unknown shell 'fish'");
    }

    /** Sourced in bash, the script completes 'initlab r' to run, report and runs, and 'initlab list in' to initializers. */
    @Test
    void bashCompletesCommandsAndCatalogues() throws IOException, InterruptedException {
        BadInputTest.Outcome o = BadInputTest.cli("completion", "bash");
        assertEquals(0, o.code(), o.err());
        Path script = tmp.resolve("initlab.bash");
        Files.writeString(script, o.out());
        String probe = "source " + script + "\n"
                + "COMP_WORDS=(initlab r); COMP_CWORD=1; COMP_LINE='initlab r'; COMP_POINT=${#COMP_LINE}; _complete_initlab; echo \"${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(initlab list in); COMP_CWORD=2; COMP_LINE='initlab list in'; COMP_POINT=${#COMP_LINE}; _complete_initlab; echo \"${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(initlab run --dr); COMP_CWORD=2; COMP_LINE='initlab run --dr'; COMP_POINT=${#COMP_LINE}; _complete_initlab; echo \"${COMPREPLY[*]}\"\n"
                + "complete -p initlab\n";
        List<String> lines = shell(List.of("bash", "--norc", "--noprofile", "-c", probe));
        assertEquals(List.of("run report runs", "initializers", "--dry-run"), lines.subList(0, 3), lines.toString());
        assertTrue(lines.get(3).contains("_complete_initlab") && lines.get(3).endsWith(" initlab"), lines.get(3));
    }

    /** The same script serves zsh (through bashcompinit); checked where zsh is installed. */
    @Test
    void zshGetsAScriptItCanLoad() throws IOException, InterruptedException {
        String zsh = BadInputTest.cli("completion", "zsh").out();
        assertTrue(zsh.contains("bashcompinit") && zsh.contains("_complete_initlab"), zsh);
        if (!Files.isExecutable(Path.of("/usr/bin/zsh")) && !Files.isExecutable(Path.of("/bin/zsh"))) return;
        Path script = tmp.resolve("initlab.zsh");
        Files.writeString(script, zsh);
        List<String> lines = shell(List.of("zsh", "-f", "-c", "source " + script + "; echo ${_comps[initlab]}"));
        assertTrue(lines.getLast().contains("initlab") || lines.getLast().contains("_bash_complete"), lines.toString());
    }

    private List<String> shell(List<String> command) throws IOException, InterruptedException {
        // stderr apart: bash's compopt complains outside a real completion, which changes nothing
        Process p = new ProcessBuilder(command).redirectError(tmp.resolve("stderr.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> lines = new ArrayList<>(out.lines().toList());
        assertEquals(0, p.exitValue(), out + Files.readString(tmp.resolve("stderr.txt")));
        return lines;
    }
}
