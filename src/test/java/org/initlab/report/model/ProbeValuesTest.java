package org.initlab.report.model;

import org.initlab.report.Fixtures;
import org.initlab.report.stats.Estimate;
import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.RunResult;
import org.initlab.train.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The report's model reads probe values by name; a value a run lacks is missing, not an error. */
class ProbeValuesTest {
    /** The he/relu configuration of the fixture study, each run's records passed through {@code edit}. */
    static RunGroup heRelu(java.util.function.BiFunction<RunRecord, EpochRecord, EpochRecord> edit) {
        StudyAggregate agg = Fixtures.initializerByActivation();
        List<RunRecord> runs = new ArrayList<>();
        for (RunRecord r : agg.data().runs()) {
            List<EpochRecord> es = new ArrayList<>();
            for (EpochRecord e : r.result().epochs()) es.add(edit.apply(r, e));
            RunResult x = r.result();
            runs.add(new RunRecord(r.id(), r.initlab(), r.spec(), r.probeSettings(), r.probes(), r.labels(), r.experiments(),
                    new RunResult(x.status(), x.divergedEpoch(), x.divergence(), x.steps(), es, x.finalMetrics(), x.timing()),
                    r.started(), r.finished(), r.machine(), r.data()));
        }
        StudyAggregate edited = StudyAggregate.of(new StudyData(Path.of("unused"), agg.data().manifest(), "", runs));
        return edited.groups().stream().filter(g -> g.configuration().get("initializer").equals("he")
                && g.configuration().get("activation").equals("relu")).findFirst().orElseThrow();
    }

    static NamedValues with(NamedValues v, String name, Value value) {
        Map<String, Value> m = new LinkedHashMap<>(v.asMap());
        if (value == null) m.remove(name);
        else m.put(name, value);
        return new NamedValues(m);
    }

    static EpochRecord layers(EpochRecord e, UnaryOperator<NamedValues> edit) {
        List<LayerRecord> ls = e.layers().stream().map(l -> new LayerRecord(l.layer(), l.in(), l.out(), edit.apply(l.values()))).toList();
        return new EpochRecord(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(),
                e.testLoss(), e.testAccuracy(), e.values(), ls);
    }

    @Test
    void aRunWithoutAValueIsLeftOut() {
        RunGroup g = heRelu((r, e) -> r.spec().seed() == 0 ? layers(e, v -> with(v, "dead_fraction", null)) : e);
        LayerView v = new LayerView(g);
        assertEquals(4, v.deadFraction(1, false).n(), "seed 0 lacks it");
        assertEquals(0.1, v.deadFraction(1, true).mean(), 1e-12);
        assertEquals(5, v.histogram(0, LayerView.Kind.WEIGHTS, false).histograms(), "every seed has its weights");
        assertEquals(Estimate.EMPTY, v.number(0, "no_such_value", true));
        assertEquals(0, v.histogram(0, "no_such_histogram", false).histograms());
        assertEquals(0, v.curve(0, "no_such_value", false).size());
    }

    @Test
    void anyPerLayerNumberIsACurve() {
        RunGroup g = heRelu((r, e) -> e.epoch() == 0 ? layers(e, v -> with(v, "test_q", new Value.Scalar(2.0 + r.spec().seed()))) : e);
        LayerView v = new LayerView(g);
        Curve q = v.curve(2, "test_q", false);
        assertArrayEquals(new double[]{0}, q.epochs(), "recorded only at initialisation");
        assertEquals(4.0, q.values()[0].mean(), 1e-12, "mean of 2..6");
        Curve grad = v.gradientCurve(0, LayerView.Gradient.MEAN_NORM);
        assertArrayEquals(new double[]{1, 2, 3}, grad.epochs());
        assertEquals(0.4 / 2, grad.values()[1].mean(), 1e-12);
        assertEquals(5, v.number(0, "grad_norm_first_step", 1).n());
        assertEquals(0, v.number(0, "grad_norm_first_step", 2).n(), "the first step is in epoch 1 only");
    }

    @Test
    void runLevelValuesByName() {
        RunGroup g = heRelu((r, e) -> e.epoch() != 0 ? e : new EpochRecord(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(),
                e.validationAccuracy(), e.testLoss(), e.testAccuracy(),
                r.spec().seed() == 3 ? e.values() : with(with(e.values(), "test_spectrum", new Value.Numbers(new double[]{3, 1})),
                        "test_gain", new Value.Scalar(1.5)), e.layers()));
        RunValues v = new RunValues(g);
        List<Value.Numbers> spectra = v.lists("test_spectrum", 0);
        assertEquals(5, spectra.size());
        assertNull(spectra.get(3), "seed 3 lacks it");
        assertArrayEquals(new double[]{3, 1}, spectra.get(0).values());
        Curve gain = v.curve("test_gain", false);
        assertArrayEquals(new double[]{0}, gain.epochs());
        assertEquals(4, gain.values()[0].n());
        assertEquals(1, v.lists("minibatch_loss", 2).stream().filter(n -> n != null).findFirst().orElseThrow().size());
    }
}
