package org.initlab.report.model;

import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.RunResult;
import org.initlab.train.Value;
import org.initlab.train.probe.MinibatchLoss;
import org.initlab.train.probe.Output;
import org.initlab.train.probe.Probes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a run diverged, and which of its recorded values the report may use: the one rule every
 * aggregate follows ({@link StudyData} applies it to every run it reads, {@code initlab show} too).
 *
 * <p>A run diverges in epoch E at step s when a minibatch loss is not finite (its network's outputs
 * overflowed), or when its weights are not finite at the end of epoch E (s is then the epoch's last
 * step); E = 0 when the initial weights are not finite. The trainer still records epoch E: the mean
 * of the minibatch losses it had, evaluations of the broken network (whose NaN outputs argmax to one
 * class: "11.82% test accuracy" is chance, not a result), and the probes' values of its layers. So:
 * <ul>
 *   <li>epochs 0 … E − 1 are valid, as recorded;</li>
 *   <li>of epoch E only what was measured before step s is valid (on the network as it was
 *       before the step that broke it): the minibatch losses recorded before s, and when s &gt; 1
 *       the values measured at the run's first step ({@link Output.Measured#FIRST_STEP}: the
 *       first-step gradient norms, the theory probe's first-step values), which epoch 1's record
 *       holds. Its training loss and accuracy (means over part of an epoch, not comparable with
 *       whole epochs), validation and test metrics, and every probe value that summarises the
 *       epoch or its end ({@link Output.Measured#WITH_RECORD}: histograms, statistics, epoch
 *       means) are dropped;</li>
 *   <li>the run has no final metrics: no final or best accuracy, no final loss, no epochs to a
 *       threshold. Aggregates of those are over the seeds that completed; the seeds that diverged
 *       are counted apart (the divergence rate with its Wilson interval), never averaged in.</li>
 * </ul>
 * Curves per epoch thus average each epoch over the seeds that reached it whole: their n drops at
 * E, which the figures mark. Values measured at initialisation or at the first step count every
 * seed that got that far, also one that diverged later in epoch 1: leaving it out would leave out
 * exactly the seeds whose gradients were in trouble.
 *
 * @param epoch the epoch in which it diverged (its record is partial)
 * @param step  the optimizer step at which it was found (the run's last step)
 * @param what  the trainer's description ("the minibatch loss became NaN at step 3")
 */
public record Divergence(int epoch, long step, String what) {

    /** Where the run diverged, or null when it completed. */
    public static Divergence of(RunResult r) {
        if (!r.diverged()) return null;
        int epoch = r.divergedEpoch() != null ? r.divergedEpoch() : r.epochs().isEmpty() ? 0 : r.epochs().getLast().epoch();
        return new Divergence(epoch, r.steps(), r.divergence() == null ? "loss or weights became NaN or infinite" : r.divergence());
    }

    /** The run with only its valid values (itself when it completed); applying it twice changes nothing. */
    public static RunRecord validPart(RunRecord r) {
        RunResult res = r.result();
        Divergence d = of(res);
        if (d == null) return r;
        List<EpochRecord> epochs = new ArrayList<>();
        for (EpochRecord e : res.epochs()) {
            if (e.epoch() < d.epoch) epochs.add(e);
            else if (e.epoch() == d.epoch) epochs.add(partial(e, d.step));
        }
        RunResult valid = new RunResult(res.status(), d.epoch, res.divergence(), res.steps(), epochs,
                new RunResult.Metrics(null, null, null, null), res.timing());
        return new RunRecord(r.id(), r.initlab(), r.spec(), r.probeSettings(), r.probes(), r.labels(), r.experiments(), valid,
                r.started(), r.finished(), r.machine(), r.data());
    }

    /**
     * The epoch it diverged in at step {@code step}, keeping its layers' names and shapes, the
     * finite minibatch losses before the divergent step, and the first step's values when that
     * step came before it.
     */
    private static EpochRecord partial(EpochRecord e, long step) {
        Set<String> before = step > 1 ? FIRST_STEP : Set.of();
        List<LayerRecord> layers = new ArrayList<>();
        for (LayerRecord l : e.layers()) layers.add(new LayerRecord(l.layer(), l.in(), l.out(), l.values().only(before)));
        Map<String, Value> run = new LinkedHashMap<>(lossesBefore(e.values()).asMap());
        run.putAll(e.values().only(before).asMap());
        return new EpochRecord(e.epoch(), null, null, null, null, null, null, new NamedValues(run), layers);
    }

    /** The names of the values the probes measure at the run's first step. */
    private static final Set<String> FIRST_STEP = Probes.outputs().stream()
            .filter(o -> o.measured() == Output.Measured.FIRST_STEP).map(Output::name).collect(Collectors.toUnmodifiableSet());

    private static NamedValues lossesBefore(NamedValues v) {
        Value.Numbers steps = v.numbers(MinibatchLoss.STEP.name()), losses = v.numbers(MinibatchLoss.LOSS.name());
        if (steps == null || losses == null || steps.size() != losses.size()) return NamedValues.NONE;
        List<Double> s = new ArrayList<>(), l = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!Double.isFinite(losses.get(i))) break; // the divergent step, and nothing after it
            s.add(steps.get(i));
            l.add(losses.get(i));
        }
        if (s.isEmpty()) return NamedValues.NONE;
        Map<String, Value> kept = new LinkedHashMap<>();
        kept.put(MinibatchLoss.LOSS.name(), new Value.Numbers(l.stream().mapToDouble(Double::doubleValue).toArray()));
        kept.put(MinibatchLoss.STEP.name(), new Value.Numbers(s.stream().mapToDouble(Double::doubleValue).toArray()));
        return new NamedValues(kept);
    }

    /** "in epoch 1 at step 3"; "in epoch 4, by step 1600" when the weights, not a loss, were found broken (at the epoch's end). */
    public String where() {
        if (epoch == 0) return "at initialisation";
        return "in epoch " + epoch + (what.contains("loss") ? " at step " : ", by step ") + step;
    }
}
