/**
 * Probes: what is observed of a run as it trains, each probe a small class that says when it
 * looks ({@link org.initlab.train.probe.Moment}), what it records and under what name
 * ({@link org.initlab.train.probe.Output}).
 *
 * <p>A probe sees a run only through {@link org.initlab.train.RunView} and records through an
 * {@link org.initlab.train.probe.Observation}; {@link org.initlab.train.probe.ProbeSet} is the
 * plumbing (the list, dispatch to each moment, the fixed probe batch, recording), and
 * {@link org.initlab.train.probe.Probes} is the registry: a new probe is one file here and one
 * line there. Values reach {@code result.json}, the CSV export and the report by name, with no
 * further code.
 *
 * <p>Step hooks run inside the training step and allocate nothing (allocate in
 * {@link org.initlab.train.probe.Probe#start}); observations at epoch records may allocate.
 *
 * <p>May import {@code org.initlab.train} (views, values, settings), {@code theory}, {@code nn},
 * {@code init}, {@code math} and {@code data}; imported by {@code study}, {@code report} and
 * {@code cli}. The trainer does not import it: it calls a {@link org.initlab.train.RunObserver}.
 */
package org.initlab.train.probe;
