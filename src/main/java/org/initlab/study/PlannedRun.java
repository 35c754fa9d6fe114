package org.initlab.study;

import org.initlab.Version;
import org.initlab.data.Dataset;
import org.initlab.train.ProbeSettings;
import org.initlab.train.RunListener;
import org.initlab.train.RunResult;
import org.initlab.train.Trainer;
import org.initlab.train.probe.ProbeDescription;
import org.initlab.train.probe.ProbeSet;
import org.initlab.train.probe.Probes;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run of a study's grid: its spec and id, what its probes are set to observe (not part of the
 * spec: changing it changes what is recorded, not the run), the label of each factor's level (for
 * tables, legends and CSV columns; {@code seed} included), and the experiments it belongs to (a
 * run shared by two experiments is trained once, with the first one's probe settings).
 *
 * <p>{@link #train} is the one way a planned run is trained, whoever schedules it (the study
 * runner, {@code export --weights}, a Spark task).
 */
public record PlannedRun(String id, RunSpec spec, ProbeSettings probes, Map<String, String> labels, List<String> experiments) {
    public PlannedRun {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        experiments = List.copyOf(experiments);
    }

    /** A finished run as its record describes it: to train it again. */
    public static PlannedRun of(RunRecord r) {
        return new PlannedRun(r.id(), r.spec(), r.probeSettings() != null ? r.probeSettings() : ProbeSettings.defaults(), r.labels(), r.experiments());
    }

    /**
     * Trains this run on {@code data} (the dataset its spec names): spec → training plan → trainer
     * with the run's probes → the run's record with its provenance; the weights at initialisation
     * and at the end go to {@code weights}. Storing the record is the caller's.
     *
     * @param provenance where the dataset came from, as the record keeps it
     * @param listener   hears progress, may cancel (the run then throws CancellationException)
     */
    public RunRecord train(Dataset data, Map<String, Object> provenance, RunListener listener, WeightFiles.Sink weights)
            throws IOException {
        String started = Instant.now().toString();
        ProbeSet observers = ProbeSet.of(probes, data);
        Trainer trainer = new Trainer(spec.plan(), data, observers, listener);
        weights.write(WeightFiles.INIT, trainer.network());
        RunResult result = trainer.run();
        weights.write(WeightFiles.FINAL, trainer.network());
        return new RunRecord(id, Version.current(), spec, probes, observers.descriptions(), labels, experiments, result,
                started, Instant.now().toString(), machine(), provenance);
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

    /** The probes this run asks for that {@code stored}, a finished record of it, does not hold. */
    public List<ProbeDescription> probesLackedBy(RunRecord stored) {
        return RecordedProbes.of(stored).lacking(Probes.describe(probes));
    }

    /** "he · relu · sgd · seed 0": the varying labels, for progress lines. */
    public String describe(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            String v = labels.get(k);
            if (v == null) continue;
            if (!sb.isEmpty()) sb.append(" · ");
            sb.append(k.equals("seed") ? "seed " + v : v);
        }
        return sb.toString();
    }
}
