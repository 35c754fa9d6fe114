package org.initlab.spark;

import org.initlab.data.Dataset;
import org.initlab.io.JsonFormat;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyStore;
import org.initlab.study.WeightFiles;
import org.initlab.train.RunListener;
import org.initlab.train.RunResult;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Trains one run of a study and writes its record, through the core's one training path
 * ({@link org.initlab.study.PlannedRun#train}, as {@code initlab run} does, so the record holds
 * the same bits); weight files go through a local temporary file to the study folder.
 */
final class TrainOneRun {
    private TrainOneRun() {}

    /** Trains {@code item} on {@code data} and writes its files into {@code out}; the result file last. */
    static RunResult train(RunItem item, Dataset data, HadoopStudyFolder out, boolean saveWeights, RunListener listener)
            throws IOException {
        WeightFiles.Sink weights = saveWeights ? (name, net) -> upload(out, item.id(), name, net) : WeightFiles.Sink.NONE;
        RunRecord record = item.run().train(data, item.data().provenance(), listener, weights);
        out.write(out.runFile(item.id(), StudyStore.RESULT), o -> JsonFormat.CANONICAL.writeValue(o, record));
        return record.result();
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
