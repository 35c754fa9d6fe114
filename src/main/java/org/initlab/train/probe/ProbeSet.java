package org.initlab.train.probe;

import org.initlab.data.Dataset;
import org.initlab.train.ProbeSettings;
import org.initlab.train.RunObserver;
import org.initlab.train.RunView;

import java.util.List;

/**
 * The probes of one run, as the trainer's {@link RunObserver}: hands each moment to the probes
 * that look then (in registry order), and gathers what they record into the epoch records.
 */
public final class ProbeSet implements RunObserver {
    private final List<Probe> probes;
    private final ProbeBatch batch;
    private final Probe[] afterLoss;
    private final Probe[] beforeUpdate;
    private final Probe[] afterUpdate;
    /** The run's forward pass that last ran the probe batch. */
    private long batchPass = -1;

    public ProbeSet(List<Probe> probes, ProbeBatch batch) {
        this.probes = List.copyOf(probes);
        this.batch = batch;
        this.afterLoss = at(Moment.AFTER_LOSS);
        this.beforeUpdate = at(Moment.BEFORE_UPDATE);
        this.afterUpdate = at(Moment.AFTER_UPDATE);
    }

    /** The registered probes with these settings, on this dataset's probe batch. */
    public static ProbeSet of(ProbeSettings settings, Dataset data) {
        return new ProbeSet(Probes.create(settings), ProbeBatch.of(data, settings.probeBatch()));
    }

    private Probe[] at(Moment m) {
        return probes.stream().filter(p -> p.moments().contains(m)).toArray(Probe[]::new);
    }

    public List<ProbeDescription> descriptions() {
        return probes.stream().map(Probe::describe).toList();
    }

    @Override
    public int forwardRows() { return batch.rows(); }

    @Override
    public void start(RunView run) {
        for (Probe p : probes) p.start(run);
    }

    @Override
    public void afterLoss(RunView run) {
        for (Probe p : afterLoss) p.afterLoss(run);
    }

    @Override
    public void beforeUpdate(RunView run) {
        for (Probe p : beforeUpdate) p.beforeUpdate(run);
    }

    @Override
    public void afterUpdate(RunView run) {
        for (Probe p : afterUpdate) p.afterUpdate(run);
    }

    @Override
    public Observations observe(RunView run, boolean last) {
        Observation o = new Observation(run, this);
        dispatch(o, run.epoch() == 0 ? Moment.INIT : Moment.EPOCH);
        if (last) dispatch(o, Moment.END);
        return o.result();
    }

    /** Makes the probe batch the run's last forward pass, running it unless it already is. */
    ProbeBatch forwardProbeBatch(RunView run) {
        if (run.forwardPasses() != batchPass) {
            run.forward(batch.inputs(), batch.rows());
            batchPass = run.forwardPasses();
        }
        return batch;
    }

    private void dispatch(Observation o, Moment m) {
        for (Probe p : probes) {
            if (!p.moments().contains(m)) continue;
            o.by(p, m);
            p.observe(o);
        }
    }
}
