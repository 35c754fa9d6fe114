package org.initlab.train.probe;

import org.initlab.data.Dataset;
import org.initlab.init.Initializers;
import org.initlab.io.JsonFormat;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.train.EpochRecord;
import org.initlab.train.Evaluation;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.ProbeSettings;
import org.initlab.train.RunListener;
import org.initlab.train.RunResult;
import org.initlab.train.RunView;
import org.initlab.train.SyntheticData;
import org.initlab.train.Trainer;
import org.initlab.train.TrainingPlan;
import org.initlab.train.Value;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbesTest {
    static final Dataset DATA = SyntheticData.blobs(300, 100, 100, 20, 3);
    static final ProbeSettings SETTINGS = new ProbeSettings(4, 60, 3, 0.1);

    static TrainingPlan plan(String activation, double lr, int epochs) {
        return new TrainingPlan(new int[]{16, 8}, Activations.create(activation), false,
                Initializers.weight("xavier_uniform", Map.of()), Initializers.bias("zeros", Map.of()),
                Optimizers.spec("sgd", Map.of("lr", lr)), 30, epochs, 1, new Evaluation(true, true, 50, Evaluation.Aggregation.EXAMPLE_MEAN));
    }

    static RunResult train(TrainingPlan plan, ProbeSet probes) {
        return Trainer.run(plan, DATA, probes, RunListener.NONE);
    }

    @Test
    void deadAndSaturatedFractions() {
        float[] z = {-1, 2, -3, -4, 5, -6}; // 2 rows × 3 units: unit 0 sees {-1, -4} (dead), unit 1 {2, 5}, unit 2 {-3, -6} (dead)
        assertEquals(2.0 / 3, DeadUnits.fraction(z, 2, 3), 1e-12);
        float[] t = {0f, 5f, -5f, 0.1f};
        // tanh′: 1, ~1.8e-4, ~1.8e-4, 0.99 → two below 0.1·1
        assertEquals(0.5, Saturation.fraction(Activations.create("tanh"), t, 4, 0.1), 1e-12);
    }

    /** What the registry's probes declare is what they record: every output appears, nothing else does. */
    @Test
    void everyProbeRecordsWhatItDeclares() {
        Set<String> declared = new HashSet<>();
        for (Output<?> o : Probes.outputs()) assertTrue(declared.add(o.name()), "output names are unique: " + o.name());
        Set<String> seen = new HashSet<>();
        for (String act : List.of("relu", "tanh")) {
            RunResult r = train(plan(act, 0.1, 2), ProbeSet.of(SETTINGS, DATA));
            for (EpochRecord e : r.epochs()) {
                seen.addAll(e.values().names());
                for (LayerRecord l : e.layers()) seen.addAll(l.values().names());
            }
        }
        assertEquals(declared, seen);
        List<String> names = Probes.create(SETTINGS).stream().map(Probe::name).toList();
        assertEquals(names.size(), new HashSet<>(names).size(), "probe names are unique: " + names);
    }

    @Test
    void descriptionsCarryTheSettings() {
        List<ProbeDescription> d = Probes.describe(SETTINGS);
        assertTrue(d.contains(new ProbeDescription("minibatch_loss", Map.of("loss_every", 4))), d.toString());
        assertTrue(d.contains(new ProbeDescription("saturation", Map.of("probe_batch", 60, "saturation_threshold", 0.1))), d.toString());
        assertFalse(d.contains(new ProbeDescription("minibatch_loss", Map.of("loss_every", 5))));
        assertEquals(Set.of("grad_norm_first_step", "grad_norm_mean", "grad_norm_max"),
                Probes.valueNames(List.of(new ProbeDescription("gradient_norms", Map.of()))));
    }

    /** result.json keeps every value bit for bit, non-finite numbers as null. */
    @Test
    void valuesSurviveJson() throws IOException {
        for (TrainingPlan p : List.of(plan("relu", 0.1, 2), plan("identity", 1e6, 3))) {
            RunResult r = train(p, ProbeSet.of(SETTINGS, DATA));
            RunResult back = JsonFormat.CANONICAL.readValue(JsonFormat.CANONICAL.writeValueAsString(r), RunResult.class);
            assertEquals(r, back, p.toString());
        }
        float[] w = {1, -2, Float.NaN, 0.5f};
        Map<String, Value> m = new java.util.LinkedHashMap<>();
        m.put("b_scalar", new Value.Scalar(Double.NEGATIVE_INFINITY));
        m.put("a_numbers", new Value.Numbers(new double[]{1, Double.NaN, -0.0, 1e-300}));
        m.put("c_summary", org.initlab.train.Summary.of(w, 0, w.length, new float[4]));
        m.put("d_histogram", org.initlab.train.Histogram.of(w, 0, w.length, new long[org.initlab.train.Histogram.BINS]));
        NamedValues nv = new NamedValues(m);
        String json = JsonFormat.CANONICAL.writeValueAsString(nv);
        assertTrue(json.startsWith("{\"a_numbers\":[1.0,null,-0.0,1.0E-300],\"b_scalar\":null,\"c_summary\":{"), json);
        assertEquals(nv, JsonFormat.CANONICAL.readValue(json, NamedValues.class));
    }

    /** A new probe is a class: values at INIT and END, run-level and per layer, reach the records; one probe-batch pass per record. */
    @Test
    void aNewProbeRecordsWithoutFurtherCode() {
        Output<Value.Numbers> spectrum = Output.perRun("test_spectrum", Value.Numbers.class, "a run-level list at init");
        Output<Value.Scalar> fanIn = Output.perLayer("test_fan_in", Value.Scalar.class, "per layer, at the end");
        List<Long> passes = new ArrayList<>();
        Probe custom = new Probe() {
            @Override public String name() { return "test"; }
            @Override public Set<Moment> moments() { return EnumSet.of(Moment.INIT, Moment.END); }
            @Override public List<Output<?>> outputs() { return List.of(spectrum, fanIn); }

            @Override
            public void observe(Observation o) {
                RunView run = o.run();
                if (o.moment() == Moment.INIT) {
                    o.probeBatch();
                    long p = run.forwardPasses();
                    o.probeBatch();
                    passes.add(run.forwardPasses() - p);
                    o.put(spectrum, new Value.Numbers(new double[]{3, 2, Double.POSITIVE_INFINITY}));
                } else {
                    for (int l = 0; l < run.layers(); l++) o.put(fanIn, l, run.fanIn(l));
                }
            }
        };
        List<Probe> probes = new ArrayList<>(Probes.create(SETTINGS));
        probes.add(custom);
        RunResult r = train(plan("tanh", 0.1, 2), new ProbeSet(probes, ProbeBatch.of(DATA, 60)));
        assertEquals(List.of(0L), passes, "the probe batch runs forward once per record");
        assertArrayEquals(new double[]{3, 2, Double.NaN}, r.epochs().getFirst().values().numbers("test_spectrum").values());
        assertNull(r.epochs().get(1).values().numbers("test_spectrum"));
        assertNull(r.epochs().get(1).layers().get(1).values().number("test_fan_in"));
        assertEquals(16.0, r.epochs().getLast().layers().get(1).values().number("test_fan_in"));
        assertNotNull(r.epochs().getLast().layers().get(1).values().summary(ActivationStatistics.ACT.name()));
    }

    @Test
    void aProbeRecordsOnlyWhatItDeclares() {
        Output<Value.Scalar> undeclared = Output.perRun("undeclared", Value.Scalar.class, "not in outputs()");
        Probe sloppy = new Probe() {
            @Override public String name() { return "sloppy"; }
            @Override public Set<Moment> moments() { return EnumSet.of(Moment.INIT); }
            @Override public List<Output<?>> outputs() { return List.of(); }
            @Override public void observe(Observation o) { o.put(undeclared, 1.0); }
        };
        ProbeSet set = new ProbeSet(List.of(sloppy), ProbeBatch.of(DATA, 10));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> train(plan("relu", 0.1, 1), set));
        assertTrue(e.getMessage().contains("undeclared"), e.getMessage());
    }

    /** A value declared as measured at the first step is one: recorded at the end of epoch 1, nowhere else (what a diverged run keeps depends on it). */
    @Test
    void aFirstStepValueIsRecordedWithEpochOneOnly() {
        Output<Value.Scalar> first = Output.perRun("test_first", Value.Scalar.class, "at the first step").atFirstStep();
        assertEquals(Output.Measured.FIRST_STEP, first.measured());
        assertEquals(Output.Measured.WITH_RECORD, Output.perRun("test_first", Value.Scalar.class, "").measured());
        for (int epoch : new int[]{0, 1, 2}) {
            Probe p = new Probe() {
                @Override public String name() { return "first"; }
                @Override public Set<Moment> moments() { return EnumSet.of(Moment.INIT, Moment.EPOCH); }
                @Override public List<Output<?>> outputs() { return List.of(first); }
                @Override public void observe(Observation o) { if (o.epoch() == epoch) o.put(first, 1.0); }
            };
            ProbeSet set = new ProbeSet(List.of(p), ProbeBatch.of(DATA, 10));
            if (epoch == 1) {
                assertEquals(1.0, train(plan("relu", 0.1, 2), set).epochs().get(1).values().number("test_first"));
            } else {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> train(plan("relu", 0.1, 2), set));
                assertTrue(e.getMessage().contains("test_first is measured at the first step"), e.getMessage());
            }
        }
        // the registered first-step values: the gradient norms' and the theory's at the first step
        Set<String> declared = new HashSet<>();
        for (Output<?> o : Probes.outputs()) if (o.measured() == Output.Measured.FIRST_STEP) declared.add(o.name());
        assertEquals(Set.of("grad_norm_first_step", "output_gradient_correlation", "predicted_grad_norm_ratio", "measured_grad_norm_ratio",
                "predicted_backward_square", "measured_backward_square", "predicted_grad_norm_relative", "measured_grad_norm_relative"), declared);
    }
}
