package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.initlab.study.PlannedRun;
import org.initlab.study.ProgressFileWriter;
import org.initlab.study.Reproduction;
import org.initlab.study.RunRecord;
import org.initlab.study.StoredResult;
import org.initlab.study.StudyProgress;
import org.initlab.study.StudyStore;
import org.initlab.train.EpochRecord;
import org.initlab.train.RunListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * A task: trains the runs of one partition in turn on an executor. A run whose result is
 * already in the folder is not trained again, so a retried task (its executor died, say) redoes
 * only the runs the failed attempt had not finished, and a resubmitted job only the runs no
 * earlier job finished. A finished run that lacks probes the spec now asks for is trained again
 * and its record replaced only when the new one reproduces it bit for bit, as {@code initlab run}
 * does ({@link org.initlab.study.StudyRunner}). In a local or shared folder a run in training
 * leaves the progress files {@code initlab serve} shows. A run whose training throws is reported, not retried (training is
 * deterministic: it would throw again), as {@code initlab run} does; an I/O error fails the task,
 * which Spark retries.
 */
final class TrainPartition implements FlatMapFunction<Iterator<List<RunItem>>, RunOutcome> {
    private final String out;
    private final Broadcast<Map<String, String>> hadoopConf;
    private final boolean saveWeights;
    private final VectorModuleCheck moduleCheck;
    private final LongAccumulator runsDone;
    private final DoubleAccumulator costDone;

    /**
     * @param hadoopConf the driver's Hadoop configuration (file systems, credentials), sent once per executor
     * @param runsDone counts runs finished or found finished, for the driver's progress (Spark
     *                 merges a task's updates once, when it succeeds)
     * @param costDone their estimated cost, for the ETA
     */
    TrainPartition(URI out, Broadcast<Map<String, String>> hadoopConf, boolean saveWeights, VectorModuleCheck moduleCheck,
                   LongAccumulator runsDone, DoubleAccumulator costDone) {
        this.out = out.toString();
        this.hadoopConf = hadoopConf;
        this.saveWeights = saveWeights;
        this.moduleCheck = moduleCheck;
        this.runsDone = runsDone;
        this.costDone = costDone;
    }

    @Override
    public Iterator<RunOutcome> call(Iterator<List<RunItem>> bins) throws IOException {
        String executor = "executor " + SparkEnv.get().executorId() + " on " + SparkEnv.get().blockManager().blockManagerId().host();
        moduleCheck.require(executor);
        Configuration conf = new Configuration(false);
        hadoopConf.value().forEach(conf::set);
        HadoopStudyFolder folder = new HadoopStudyFolder(URI.create(out), conf);
        StudyProgress progress = progressFiles(folder.uri());
        TaskContext task = TaskContext.get();
        List<RunOutcome> outcomes = new ArrayList<>();
        while (bins.hasNext()) {
            for (RunItem item : bins.next()) {
                outcomes.add(handle(item, folder, conf, progress, task, executor));
                runsDone.add(1);
                costDone.add(item.cost());
            }
        }
        return outcomes.iterator();
    }

    /**
     * The live view's progress files ({@link ProgressFileWriter}, as {@code initlab run} writes
     * them) when the study folder is a local or shared path, which {@code initlab serve} reads;
     * none on other file systems.
     */
    static StudyProgress progressFiles(URI folder) {
        if (!HadoopStudyFolder.isLocal(folder)) return StudyProgress.SILENT;
        return new ProgressFileWriter(new StudyStore(Path.of(folder)), warning -> System.err.println("initlab-spark: " + warning));
    }

    /** One run of the task: found finished, trained, or (a finished run lacking probes) trained again and compared. */
    private RunOutcome handle(RunItem item, HadoopStudyFolder folder, Configuration conf, StudyProgress progress, TaskContext task,
                              String executor) throws IOException {
        RunRecord stored = null;
        if (item.probesToAdd() == null) {
            if (folder.isComplete(item.id())) return new RunOutcome(item.id(), RunOutcome.Status.FOUND, executor, false, null);
        } else {
            switch (folder.read(item.id())) {
                case StoredResult.Finished f -> stored = f.record();
                case StoredResult.Broken b -> {
                    return new RunOutcome(item.id(), RunOutcome.Status.FAILED, executor, false, "its result.json " + b.reason()
                            + " (changed since the job started); submit the job again: it sets the file aside and trains the run again");
                }
                case StoredResult.None n -> { } // removed since the driver read it: trained as a new run
            }
        }
        PlannedRun run = item.run();
        if (stored != null && run.probesLackedBy(stored).isEmpty()) {
            return new RunOutcome(item.id(), RunOutcome.Status.FOUND, executor, false, null); // an earlier attempt recorded them
        }
        ExecutorDatasets.Loaded data = ExecutorDatasets.get(item.data(), conf, Path.of(SparkFiles.getRootDirectory()));
        RunListener listener = new RunListener() {
            @Override
            public void progress(int epoch, int epochs, long step, long stepsPerEpoch) {
                progress.runProgress(run, epoch, epochs, 0);
            }

            @Override
            public void epochFinished(EpochRecord record, int epochs) {
                progress.epochRecorded(run, record);
            }

            @Override
            public boolean cancelled() {
                return task != null && task.isInterrupted(); // the job was cancelled: abandon the run, write nothing
            }
        };
        progress.runStarted(run);
        try {
            // weights only for a new run, as initlab run does: a finished run trained again for probes keeps its files
            RunRecord r = TrainOneRun.train(run, item, data.dataset(), folder, saveWeights && stored == null, listener);
            if (stored == null) {
                TrainOneRun.write(folder, r);
                progress.runFinished(run, r, 0);
                return new RunOutcome(item.id(), r.result().diverged() ? RunOutcome.Status.DIVERGED : RunOutcome.Status.TRAINED,
                        executor, data.fetched(), null);
            }
            boolean same = Reproduction.matches(stored, r);
            if (same) TrainOneRun.write(folder, r);
            progress.runReprobed(run, r, item.probesToAdd(), same, 0);
            return new RunOutcome(item.id(), same ? RunOutcome.Status.REPROBED : RunOutcome.Status.KEPT, executor, data.fetched(),
                    String.join(", ", item.probesToAdd()));
        } catch (CancellationException | UncheckedIOException | VectorModuleCheck.MissingModule e) {
            throw e;
        } catch (RuntimeException e) {
            progress.runFailed(run, e);
            return new RunOutcome(item.id(), RunOutcome.Status.FAILED, executor, data.fetched(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
