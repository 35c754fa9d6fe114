package org.initlab.study;

import org.initlab.train.EpochRecord;
import org.initlab.train.LayerRecord;
import org.initlab.train.RunResult;
import org.initlab.train.probe.ProbeDescription;
import org.initlab.train.probe.Probes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a run trained again gave what the stored record says, bit for bit: everything training
 * determines — status, steps, every metric of every epoch, the final metrics — and every value
 * of the probes both records hold with the same settings. Timings, dates and values of probes
 * only one record holds are not compared.
 */
public final class Reproduction {
    private Reproduction() {}

    public static boolean matches(RunRecord stored, RunRecord again) {
        RunResult a = stored.result(), b = again.result();
        if (!a.status().equals(b.status()) || !Objects.equals(a.divergedEpoch(), b.divergedEpoch())
                || !Objects.equals(a.divergence(), b.divergence()) || a.steps() != b.steps()
                || !Objects.equals(a.finalMetrics(), b.finalMetrics()) || a.epochs().size() != b.epochs().size()) {
            return false;
        }
        List<ProbeDescription> common = new ArrayList<>(stored.probes());
        common.retainAll(again.probes());
        Set<String> names = Probes.valueNames(common);
        for (int i = 0; i < a.epochs().size(); i++) {
            if (!sameEpoch(a.epochs().get(i), b.epochs().get(i), names)) return false;
        }
        return true;
    }

    private static boolean sameEpoch(EpochRecord x, EpochRecord y, Set<String> names) {
        if (x.epoch() != y.epoch() || !Objects.equals(x.trainLoss(), y.trainLoss()) || !Objects.equals(x.trainAccuracy(), y.trainAccuracy())
                || !Objects.equals(x.validationLoss(), y.validationLoss()) || !Objects.equals(x.validationAccuracy(), y.validationAccuracy())
                || !Objects.equals(x.testLoss(), y.testLoss()) || !Objects.equals(x.testAccuracy(), y.testAccuracy())
                || !x.values().only(names).equals(y.values().only(names)) || x.layers().size() != y.layers().size()) {
            return false;
        }
        for (int l = 0; l < x.layers().size(); l++) {
            LayerRecord p = x.layers().get(l), q = y.layers().get(l);
            if (!p.layer().equals(q.layer()) || p.in() != q.in() || p.out() != q.out()
                    || !p.values().only(names).equals(q.values().only(names))) {
                return false;
            }
        }
        return true;
    }
}
