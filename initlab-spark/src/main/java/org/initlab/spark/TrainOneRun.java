package org.initlab.spark;

import org.initlab.Version;
import org.initlab.data.Dataset;
import org.initlab.io.JsonFormat;
import org.initlab.study.RunRecord;
import org.initlab.study.RunSpec;
import org.initlab.study.RunSpecs;
import org.initlab.study.StudyStore;
import org.initlab.study.WeightFiles;
import org.initlab.train.RunListener;
import org.initlab.train.RunResult;
import org.initlab.train.Trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains one run of a study and writes its record: the one place where this module calls
 * initlab's training (as {@code StudyRunner} does for a local run, so the record holds the same
 * bits), to be replaced by the core's single training path when it has one.
 */
final class TrainOneRun {
    private TrainOneRun() {}

    /** Trains {@code item} on {@code data} and writes its files into {@code out}; the result file last. */
    static RunResult train(RunItem item, Dataset data, HadoopStudyFolder out, boolean saveWeights, RunListener listener)
            throws IOException {
        RunSpec spec = JsonFormat.CANONICAL.readValue(item.specJson(), RunSpec.class);
        String id = RunSpecs.id(spec);
        if (!id.equals(item.id())) {
            throw new IllegalStateException("run " + item.id() + " arrived as a spec whose id is " + id
                    + ": the driver and this executor run different initlab versions");
        }
        String started = Instant.now().toString();
        Trainer trainer = new Trainer(RunSpecs.plan(spec), data, listener);
        if (saveWeights) writeWeights(trainer, out, id, WeightFiles.INIT);
        RunResult result = trainer.run();
        if (saveWeights) writeWeights(trainer, out, id, WeightFiles.FINAL);
        RunRecord record = new RunRecord(id, Version.current(), spec, item.labels(), item.experiments(), result,
                started, Instant.now().toString(), machine(), item.data().provenance());
        out.write(out.runFile(id, StudyStore.RESULT), o -> JsonFormat.CANONICAL.writeValue(o, record));
        return result;
    }

    private static void writeWeights(Trainer trainer, HadoopStudyFolder out, String id, String name) throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory("initlab-weights");
        java.nio.file.Path file = dir.resolve(name);
        try {
            WeightFiles.write(file, trainer.network());
            out.upload(file, out.runFile(id, name));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** As the core's StudyRunner records it. */
    private static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("vector_bits", Integer.toString(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize()));
        return m;
    }
}
