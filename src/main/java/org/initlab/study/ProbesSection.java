package org.initlab.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.study.spec.SpecNodes;
import org.initlab.train.ProbeSettings;

import java.util.Set;

/** The {@code probes:} setting: {@code {loss_every, probe_batch, ratio_every, saturation_threshold}}, each optional. */
final class ProbesSection {
    private ProbesSection() {}

    static ProbeSettings read(ObjectNode n, String path, SpecNodes in) {
        in.checkKeys(n, Set.of("loss_every", "probe_batch", "ratio_every", "saturation_threshold"), path + ".");
        ProbeSettings d = ProbeSettings.defaults();
        int lossEvery = n.has("loss_every") ? in.integer(n.get("loss_every"), path + ".loss_every", 1, 1 << 30) : d.lossEvery();
        int probe = n.has("probe_batch") ? in.integer(n.get("probe_batch"), path + ".probe_batch", 1, 100_000) : d.probeBatch();
        int ratio = n.has("ratio_every") ? in.integer(n.get("ratio_every"), path + ".ratio_every", 1, 1 << 30) : d.ratioEvery();
        double sat = n.has("saturation_threshold") ? in.number(n.get("saturation_threshold"), path + ".saturation_threshold") : d.saturationThreshold();
        if (!(sat > 0 && sat < 1)) throw in.error(path + ".saturation_threshold", "must be between 0 and 1, got " + sat);
        return new ProbeSettings(lossEvery, probe, ratio, sat);
    }
}
