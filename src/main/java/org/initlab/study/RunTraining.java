package org.initlab.study;

import org.initlab.Version;
import org.initlab.data.Dataset;
import org.initlab.train.RunListener;
import org.initlab.train.RunResult;
import org.initlab.train.Trainer;
import org.initlab.train.probe.ProbeSet;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way a planned run is trained, whoever schedules it (the study runner, {@code export
 * --weights}, an executor on a cluster): spec → training plan → trainer with the run's probes →
 * the run's record with its provenance, and the weights at initialisation and at the end to a
 * {@link WeightFiles.Sink}. Storing the record is the caller's.
 */
public final class RunTraining {
    private RunTraining() {}

    /**
     * Trains {@code run} on {@code data} (the dataset its spec names).
     *
     * @param provenance where the dataset came from, as the record keeps it
     * @param listener   hears progress, may cancel (the run then throws CancellationException)
     */
    public static RunRecord train(PlannedRun run, Dataset data, Map<String, Object> provenance, RunListener listener,
                                  WeightFiles.Sink weights) throws IOException {
        String started = Instant.now().toString();
        ProbeSet probes = ProbeSet.of(run.probes(), data);
        Trainer trainer = new Trainer(RunSpecs.plan(run.spec()), data, probes, listener);
        weights.write(WeightFiles.INIT, trainer.network());
        RunResult result = trainer.run();
        weights.write(WeightFiles.FINAL, trainer.network());
        return new RunRecord(run.id(), Version.current(), run.spec(), run.probes(), probes.descriptions(), run.labels(),
                run.experiments(), result, started, Instant.now().toString(), machine(), provenance);
    }

    /** Java version, OS, architecture, processors and vector width: what a result's bits may depend on. */
    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("vector_bits", Integer.toString(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize()));
        return m;
    }
}
