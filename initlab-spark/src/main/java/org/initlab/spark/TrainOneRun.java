package org.initlab.spark;

import org.initlab.data.Dataset;
import org.initlab.io.JsonFormat;
import org.initlab.study.PlannedRun;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyStore;
import org.initlab.study.WeightFiles;
import org.initlab.train.RunListener;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Trains one run of a study and writes its record, through the core's one training path
 * ({@link org.initlab.study.PlannedRun#train}, as {@code initlab run} does, so the record holds
 * the same bits); weight files go through a local temporary file to the study folder.
 */
final class TrainOneRun {
    private TrainOneRun() {}

    /**
     * Trains {@code run} (of {@code item}) on {@code data}; its weights, when {@code saveWeights},
     * go to {@code out}. Returns its record: storing it ({@link #write}) is the caller's.
     */
    static RunRecord train(PlannedRun run, RunItem item, Dataset data, HadoopStudyFolder out, boolean saveWeights,
                           RunListener listener) throws IOException {
        WeightFiles.Sink weights = saveWeights ? (name, net) -> upload(out, item.id(), name, net) : WeightFiles.Sink.NONE;
        return run.train(data, item.data().provenance(), listener, weights);
    }

    /** Writes a run's record, its result.json, into {@code out}: after its weights, so it says the run is whole. */
    static void write(HadoopStudyFolder out, RunRecord record) throws IOException {
        out.write(out.runFile(record.id(), StudyStore.RESULT), o -> JsonFormat.CANONICAL.writeValue(o, record));
    }

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
