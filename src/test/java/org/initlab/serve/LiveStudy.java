package org.initlab.serve;

import org.initlab.data.Dataset;
import org.initlab.study.Grid;
import org.initlab.study.PlannedRun;
import org.initlab.study.StudyProgress;
import org.initlab.study.StudyRunner;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;
import org.initlab.train.SyntheticData;

import java.nio.file.Path;
import java.util.List;

/**
 * A tiny study for the live view's tests: 16 synthetic features, 3 classes, a hidden layer of 12,
 * trained in-process in milliseconds per epoch (as StudyRunTest's studies are).
 */
final class LiveStudy {
    static final Dataset BLOBS = SyntheticData.blobs(600, 150, 150, 16, 3);

    final StudyStore store;
    final StudySpec spec;
    final List<PlannedRun> runs;

    private LiveStudy(Path dir, String name, int seeds, int epochs) {
        String yaml = """
                name: '%s'
                description: a tiny study for the live view
                dataset: {name: memory, validation: 150}
                seeds: %d
                settings:
                  architecture: [12, 8]
                  epochs: %d
                  batch_size: 30
                  optimizer: {name: sgd, lr: 0.1}
                  evaluation: {batch_size: 150}
                  probes: {probe_batch: 50, loss_every: 2}
                factors:
                  activation: [relu, tanh]
                """.formatted(name.replace("'", "''"), seeds, epochs);
        spec = StudySpecParser.parse(yaml, "test spec", StudySpecParser.Overrides.NONE);
        runs = Grid.expand(spec);
        store = new StudyStore(dir);
        store.prepare(spec, runs, false);
    }

    /** The folder prepared (study.yaml, study.json), nothing trained. */
    static LiveStudy prepared(Path dir, String name, int seeds, int epochs) {
        return new LiveStudy(dir, name, seeds, epochs);
    }

    StudyRunner.Outcome train(int jobs, StudyProgress progress) {
        return new StudyRunner(store, c -> BLOBS, new StudyRunner.Options(jobs, false), progress).run(runs);
    }

    Path dir() { return store.dir(); }
}
