package org.initlab.study;

import org.initlab.train.ProbeSettings;
import org.initlab.train.probe.ProbeDescription;
import org.initlab.train.probe.Probes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which probes a finished run holds, as its {@code result.json} lists them.
 *
 * @param probeSettings the probe settings it was trained with (null in a record without them)
 */
public record RecordedProbes(String id, ProbeSettings probeSettings, List<ProbeDescription> probes) {
    public RecordedProbes {
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    public static RecordedProbes of(RunRecord r) {
        return new RecordedProbes(r.id(), r.probeSettings(), r.probes());
    }

    /** The probes {@code wanted} asks for (name and settings) that this run does not hold. */
    public List<ProbeDescription> lacking(List<ProbeDescription> wanted) {
        List<ProbeDescription> out = new ArrayList<>();
        for (ProbeDescription d : wanted) if (!probes.contains(d)) out.add(d);
        return out;
    }

    /**
     * The names of probes this initlab would record for the run (from its probe settings) that it
     * does not hold: probes added since it was trained.
     */
    public List<String> missingNames() {
        ProbeSettings s = probeSettings != null ? probeSettings : ProbeSettings.defaults();
        Set<String> held = probes.stream().map(ProbeDescription::name).collect(Collectors.toSet());
        return Probes.describe(s).stream().map(ProbeDescription::name).filter(n -> !held.contains(n)).toList();
    }
}
