package org.initlab;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package layering of {@code docs/architecture.md}, checked on the compiled classes with
 * ArchUnit 1.5 (its shaded ASM reads Java 25 class files): every use the bytecode holds — types of
 * fields, parameters and results, calls, class literals, annotations — counts; an import nothing
 * uses and a compile-time constant (inlined by javac) leave no trace. A package may use packages
 * of lower layers only: not its own layer's other packages, not a higher layer. A new package
 * fails {@link #everyPackageHasALayer} until it is given one here and in the document's table.
 */
class LayeringTest {
    /** Bottom to top, names below {@code org.initlab} ("" is {@code org.initlab} itself). */
    static final List<List<String>> LAYERS = List.of(
            List.of(""),
            List.of("math", "catalog", "io"),
            List.of("nn", "init", "optim", "data"),
            List.of("theory"),
            List.of("train"),
            List.of("train.probe"),
            List.of("study.spec"),
            List.of("study.factor"),
            List.of("study"),
            List.of("report.stats", "report.plot"),
            List.of("report.model"),
            List.of("report.text"),
            List.of("report.figures"),
            List.of("report.html"),
            List.of("report"),
            List.of("cli"));

    /** Libraries that one package wraps for the rest: nothing else may use them. */
    static final List<List<String>> LIBRARIES = List.of(
            List.of("picocli..", "cli"),
            List.of("org.apache.commons.statistics..", "report.stats"),
            List.of("org.ejml..", "theory"),
            List.of("javax.imageio..", "report.plot"),
            List.of("java.awt..", "report.plot"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.initlab");
    }

    static String pkg(String name) {
        return name.isEmpty() ? "org.initlab" : "org.initlab." + name;
    }

    /** One rule per package; a failure lists every back edge of every package at once. */
    @Test
    void noPackageUsesItsOwnLayerOrAHigherOne() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> notBelow = new ArrayList<>();
            for (int j = i; j < LAYERS.size(); j++) for (String p : LAYERS.get(j)) notBelow.add(pkg(p));
            for (String p : LAYERS.get(i)) {
                String[] forbidden = notBelow.stream().filter(q -> !q.equals(pkg(p))).toArray(String[]::new);
                if (forbidden.length == 0) continue;
                rules.add(noClasses().that().resideInAPackage(pkg(p))
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .as(pkg(p) + " (layer " + i + ") uses only packages of lower layers (docs/architecture.md)"));
            }
        }
        check(rules);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.initlab.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void librariesStayInTheirPackage() {
        List<ArchRule> rules = new ArrayList<>();
        for (List<String> lib : LIBRARIES) {
            rules.add(noClasses().that().resideOutsideOfPackage(pkg(lib.get(1)))
                    .should().dependOnClassesThat().resideInAPackage(lib.get(0))
                    .as("only " + pkg(lib.get(1)) + " uses " + lib.get(0)));
        }
        check(rules);
    }

    private static void check(List<ArchRule> rules) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) failures.add(result.getFailureReport().toString());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> placed = LAYERS.stream().flatMap(List::stream).map(LayeringTest::pkg).collect(Collectors.toSet());
        Set<String> found = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        found.removeAll(placed);
        assertTrue(found.isEmpty(), "packages without a layer in LayeringTest.LAYERS and docs/architecture.md: " + found);
        assertTrue(classes.size() > 300, "too few classes imported (" + classes.size() + "): is the class path what the test expects?");
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        for (String p : LAYERS.stream().flatMap(List::stream).toList()) {
            Path info = Path.of("src/main/java", pkg(p).replace('.', '/'), "package-info.java");
            assertTrue(Files.isRegularFile(info), info + " is missing: say what the package is for and what it may import");
        }
    }

    /** The document's table ("| N | `pkg` `pkg` | ... |" under "## Layers", any row order) lists the same layers. */
    @Test
    void theDocumentShowsTheseLayers() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"));
        int start = doc.indexOf("\n## Layers");
        assertTrue(start >= 0, "docs/architecture.md has no '## Layers' section");
        int end = doc.indexOf("\n## ", start + 1);
        Pattern row = Pattern.compile("(?m)^\\|\\s*(\\d+)\\s*\\|([^|]*)\\|");
        Pattern name = Pattern.compile("`([a-z.]+)`");
        TreeMap<Integer, List<String>> documented = new TreeMap<>();
        Matcher m = row.matcher(doc.substring(start, end < 0 ? doc.length() : end));
        while (m.find()) {
            List<String> names = new ArrayList<>();
            Matcher n = name.matcher(m.group(2));
            while (n.find()) names.add(n.group(1).equals("org.initlab") ? "" : n.group(1));
            assertTrue(documented.put(Integer.parseInt(m.group(1)), names) == null, "layer " + m.group(1) + " appears twice");
        }
        assertEquals(LAYERS, List.copyOf(documented.values()), "docs/architecture.md's layer table differs from LayeringTest.LAYERS");
        assertEquals(LAYERS.size() - 1, documented.lastKey(), "layers are numbered 0 (bottom) to " + (LAYERS.size() - 1));
    }
}
