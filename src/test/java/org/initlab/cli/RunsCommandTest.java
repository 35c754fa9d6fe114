package org.initlab.cli;

import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code initlab runs} lists a study's runs and filters them by label; {@code initlab show} finds one by id or labels, from anywhere. */
class RunsCommandTest {
    @TempDir
    Path tmp;

    private static List<String> rows(String out) {
        return out.lines().filter(l -> l.matches("[0-9a-f]{12}  .*")).toList();
    }

    @Test
    void listsEveryRunWithItsLabelsStatusAndMetrics() {
        Path dir = TinyStudy.folder();
        BadInputTest.Outcome o = BadInputTest.cli("runs", dir.toString());
        assertEquals(0, o.code(), o.err());
        String header = o.out().lines().findFirst().orElseThrow();
        assertTrue(header.matches("id +activation +initializer +optimizer +seed +experiments +status +epochs +test acc +test loss"), header);
        List<String> rows = rows(o.out());
        assertEquals(24, rows.size(), o.out());
        assertTrue(rows.stream().allMatch(r -> r.contains(" finished ")), o.out());
        assertTrue(rows.stream().filter(r -> r.contains(" acts+opts ")).count() == 8, "the shared runs name both experiments: " + o.out());
        assertTrue(rows.stream().anyMatch(r -> r.matches("[0-9a-f]{12}  relu +he +sgd\\(lr=0\\.05\\) +1 +acts\\+opts +finished +2 +\\d+\\.\\d\\d% +\\d\\.\\d{4}")),
                o.out());
        assertTrue(o.out().strip().endsWith("24 runs: 24 finished"), o.out());
        StudyManifest m = new StudyStore(dir).readManifest();
        for (StudyManifest.RunEntry e : m.runs()) assertTrue(o.out().contains(e.id() + "  "), e.id());
    }

    @Test
    void whereFiltersByLabelsSpeltLoosely() {
        Path dir = TinyStudy.folder();
        BadInputTest.Outcome o = BadInputTest.cli("runs", dir.toString(), "--where", "Initializer=HE,activation=tanh");
        assertEquals(0, o.code(), o.err());
        assertEquals(2, rows(o.out()).size(), o.out());
        assertTrue(rows(o.out()).stream().allMatch(r -> r.contains(" tanh ") && r.contains(" he ")), o.out());
        assertTrue(o.out().strip().endsWith("2 runs: 2 finished of 24 match initializer=he, activation=tanh"), o.out());
        // a label that holds a comma; repeated --where; seed and experiment
        BadInputTest.Outcome comma = BadInputTest.cli("runs", dir.toString(), "--where", "initializer=uniform(a=-0.5, b=0.5),seed=1",
                "--where", "experiment=opts");
        assertEquals(2, rows(comma.out()).size(), comma.out() + comma.err());
        assertEquals(24, rows(BadInputTest.cli("runs", dir.toString(), "--where", "status=finished").out()).size());
        assertEquals(0, rows(BadInputTest.cli("runs", dir.toString(), "--where", "status=not_started").out()).size());
    }

    @Test
    void unknownKeysAndLabelsGetTheNearestName() {
        Path dir = TinyStudy.folder();
        BadInputTest.cli("runs", dir.toString(), "--where", "initialiser=he").line("--where: this study has no 'initialiser'; did you mean 'initializer'?",
                "(keys: activation, architecture, ");
        BadInputTest.cli("runs", dir.toString(), "--where", "initializer=hee").line("no run has initializer 'hee'; did you mean 'he'?",
                "(initializer: xavier, he, random, uniform(a=-0.5, b=0.5))");
        BadInputTest.cli("runs", dir.toString(), "--where", "he").line("--where: 'he' is not KEY=LABEL");
        BadInputTest.cli("runs", tmp.toString()).line(tmp + " is not a study folder");
    }

    @Test
    void statusShowsRunsNotStartedRunningAndUnreadable() throws IOException {
        Path dir = TinyStudy.copy(tmp.resolve("copy"));
        List<StudyManifest.RunEntry> runs = new StudyStore(dir).readManifest().runs();
        Files.delete(dir.resolve("runs").resolve(runs.get(0).id()).resolve(StudyStore.RESULT));
        Files.writeString(dir.resolve("runs").resolve(runs.get(1).id()).resolve(StudyStore.RESULT), "{\"id\": \"not this one\"");
        Path progress = dir.resolve("runs").resolve(runs.get(2).id());
        Files.delete(progress.resolve(StudyStore.RESULT));
        Files.createDirectories(progress.resolve("progress"));
        Files.writeString(progress.resolve("progress/run.json"), "{\"id\": \"" + runs.get(2).id() + "\", \"epochs\": 2}");
        Files.writeString(progress.resolve("progress/epoch-0001.json"), "{}");
        BadInputTest.Outcome o = BadInputTest.cli("runs", dir.toString());
        assertTrue(o.out().contains(runs.get(0).id() + "  ") && o.out().lines().anyMatch(l -> l.startsWith(runs.get(0).id()) && l.contains(" not started ")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith(runs.get(1).id()) && l.contains(" unreadable ")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith(runs.get(2).id()) && l.contains(" running ") && l.contains(" 1/2 ")), o.out());
        assertTrue(o.out().strip().endsWith("24 runs: 21 finished, 1 running, 1 not started, 1 unreadable"), o.out());

        BadInputTest.cli("show", dir.toString(), runs.get(0).id()).line("is not started: there is nothing to show until it finishes");
    }

    @Test
    void showFindsARunByIdOrLabelsGivenTheStudyFolder() {
        Path dir = TinyStudy.folder().toAbsolutePath();
        StudyManifest m = new StudyStore(dir).readManifest();
        StudyManifest.RunEntry he = m.runs().stream()
                .filter(e -> e.labels().get("initializer").equals("he") && e.labels().get("activation").equals("tanh") && e.labels().get("seed").equals("1"))
                .findFirst().orElseThrow();
        BadInputTest.Outcome byLabels = BadInputTest.cli("show", dir.toString(), "--where", "initializer=he,activation=tanh,seed=1");
        assertEquals(0, byLabels.code(), byLabels.err());
        assertTrue(byLabels.out().startsWith("Run " + he.id() + " — "), byLabels.out());
        BadInputTest.Outcome byId = BadInputTest.cli("show", dir.toString(), he.id().substring(0, 6));
        assertEquals(byLabels.out(), byId.out());
        assertEquals(byLabels.out(), BadInputTest.cli("show", "--study", dir.toString(), he.id().substring(0, 6)).out());
        assertEquals(byLabels.out(), BadInputTest.cli("show", dir.resolve("runs").resolve(he.id()).toString()).out());
        assertEquals(byLabels.out(), BadInputTest.cli("show", dir.toString(), he.id().substring(0, 4), "--where", "seed=1").out());

        BadInputTest.Outcome several = BadInputTest.cli("show", dir.toString(), "--where", "initializer=he,activation=tanh");
        assertEquals(2, rows(several.out()).size(), "the matching runs are listed: " + several.out());
        several.line("2 runs match initializer=he,activation=tanh in " + dir + " (listed above): give more characters of the id, or more labels");
        BadInputTest.cli("show", dir.toString()).line("say which run: an id (or its first characters), or its labels with --where");
        BadInputTest.cli("show", dir.toString(), "ffffffffffff").line("no run 'ffffffffffff' in " + dir);
        assertFalse(BadInputTest.cli("show", dir.toString(), "--where", "seed=7").err().contains("Exception"));
    }
}
