package org.initlab.spark;

import org.initlab.data.Dataset;
import org.initlab.io.JsonFormat;
import org.initlab.study.PlannedRun;
import org.initlab.study.RunRecord;
import org.initlab.study.RunSpecs;
import org.initlab.study.RunTraining;
import org.initlab.study.StudyStore;
import org.initlab.study.WeightFiles;
import org.initlab.train.RunListener;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Trains one run of a study on an executor and writes its files: the core's one training path
 * ({@link RunTraining#train}, as {@code initlab run} trains, so the record holds the same bits),
 * with the weights and the record written into the study folder on any Hadoop file system.
 */
final class TrainOneRun {
    private TrainOneRun() {}

    /** Trains {@code item} on {@code data} and writes its files into {@code out}; the result file last. */
    static RunRecord train(RunItem item, Dataset data, HadoopStudyFolder out, boolean saveWeights, RunListener listener)
            throws IOException {
        PlannedRun run = JsonFormat.CANONICAL.readValue(item.runJson(), PlannedRun.class);
        String id = RunSpecs.id(run.spec());
        if (!id.equals(item.id())) {
            throw new IllegalStateException("run " + item.id() + " arrived as a spec whose id is " + id
                    + ": the driver and this executor run different initlab versions");
        }
        WeightFiles.Sink weights = saveWeights ? (file, net) -> upload(out, id, file, net) : WeightFiles.Sink.NONE;
        RunRecord record = RunTraining.train(run, data, item.data().provenance(), listener, weights);
        out.write(out.runFile(id, StudyStore.RESULT), o -> JsonFormat.CANONICAL.writeValue(o, record));
        return record;
    }

    /** initlab's weight file, written locally by the core's writer, then copied atomically into the folder. */
    private static void upload(HadoopStudyFolder out, String id, String name, org.initlab.nn.Mlp net) throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory("initlab-weights");
        java.nio.file.Path file = dir.resolve(name);
        try {
            WeightFiles.write(file, net);
            out.upload(file, out.runFile(id, name));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
