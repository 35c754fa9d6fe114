package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.initlab.train.RunListener;
import org.initlab.train.RunResult;

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
 * earlier job finished. A run whose training throws is reported, not retried (training is
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
        TaskContext task = TaskContext.get();
        RunListener listener = new RunListener() {
            @Override
            public boolean cancelled() {
                return task != null && task.isInterrupted(); // the job was cancelled: abandon the run, write nothing
            }
        };
        List<RunOutcome> outcomes = new ArrayList<>();
        while (bins.hasNext()) {
            for (RunItem item : bins.next()) {
                if (folder.isComplete(item.id())) {
                    outcomes.add(new RunOutcome(item.id(), RunOutcome.Status.FOUND, executor, false, null));
                } else {
                    ExecutorDatasets.Loaded data = ExecutorDatasets.get(item.data(), conf, Path.of(SparkFiles.getRootDirectory()));
                    outcomes.add(train(item, data, folder, listener, executor));
                }
                runsDone.add(1);
                costDone.add(item.cost());
            }
        }
        return outcomes.iterator();
    }

    private RunOutcome train(RunItem item, ExecutorDatasets.Loaded data, HadoopStudyFolder folder, RunListener listener,
                             String executor) throws IOException {
        try {
            RunResult r = TrainOneRun.train(item, data.dataset(), folder, saveWeights, listener);
            return new RunOutcome(item.id(), r.diverged() ? RunOutcome.Status.DIVERGED : RunOutcome.Status.TRAINED, executor,
                    data.fetched(), null);
        } catch (CancellationException | UncheckedIOException | VectorModuleCheck.MissingModule e) {
            throw e;
        } catch (RuntimeException e) {
            return new RunOutcome(item.id(), RunOutcome.Status.FAILED, executor, data.fetched(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
