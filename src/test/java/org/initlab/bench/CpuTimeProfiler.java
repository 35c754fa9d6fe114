package org.initlab.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

/**
 * JMH profiler ({@code -prof org.initlab.bench.CpuTimeProfiler}): the benchmark process's CPU time
 * (all threads) over the wall time of each measured iteration, as secondary result {@code cpu/wall}.
 * On a machine shared with other work it says what share of a core the benchmark got (below 1:
 * other processes had the core part of the time), so that µs of wall time × cpu/wall estimates the
 * µs of CPU per operation; above 1, the benchmark used more than one core. bench/peer reads it.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private long cpuStart, wallStart;

    @Override
    public String getDescription() {
        return "process CPU time / wall time per iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = processCpuNanos();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        double ratio = (processCpuNanos() - cpuStart) / (double) (System.nanoTime() - wallStart);
        return List.of(new ScalarResult("cpu/wall", ratio, "", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
