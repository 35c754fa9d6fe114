package org.initlab.train.probe;

import org.initlab.train.ProbeSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Every probe a run holds, made from the study's probe settings, in the order they look and
 * their values are listed. A new probe is a new file and one line here.
 */
public final class Probes {
    private Probes() {}

    private static final List<Function<ProbeSettings, Probe>> ALL = List.of(
            s -> new MinibatchLoss(s.lossEvery()),
            s -> new WeightStatistics(),
            s -> new ActivationStatistics(s.probeBatch()),
            s -> new DeadUnits(s.probeBatch()),
            s -> new Saturation(s.probeBatch(), s.saturationThreshold()),
            s -> new GradientNorms(),
            s -> new UpdateRatio(s.ratioEvery()),
            s -> new MeanFieldTheory(s.probeBatch(), s.saturationThreshold()));

    /** Fresh probes for one run. */
    public static List<Probe> create(ProbeSettings settings) {
        return ALL.stream().map(f -> f.apply(settings)).toList();
    }

    /** The probes a run with these settings holds, as its record lists them. */
    public static List<ProbeDescription> describe(ProbeSettings settings) {
        return create(settings).stream().map(Probe::describe).toList();
    }

    /** Every value the registered probes record, in registry order. */
    public static List<Output<?>> outputs() {
        List<Output<?>> out = new ArrayList<>();
        for (Probe p : create(ProbeSettings.defaults())) out.addAll(p.outputs());
        return out;
    }

    /** The names of the values the named probes record (names not registered contribute nothing). */
    public static Set<String> valueNames(Collection<ProbeDescription> probes) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (ProbeDescription d : probes) wanted.add(d.name());
        for (Probe p : create(ProbeSettings.defaults())) {
            if (wanted.contains(p.name())) for (Output<?> o : p.outputs()) names.add(o.name());
        }
        return names;
    }
}
