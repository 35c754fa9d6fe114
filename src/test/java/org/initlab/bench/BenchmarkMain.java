package org.initlab.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Runs one benchmark class with JMH (arguments go to JMH unchanged) and prints, after JMH's own
 * report, the machine, the load average and the best and median iteration of every benchmark:
 * on a shared machine the best iterations tell what the code does with a core to itself.
 */
final class BenchmarkMain {
    private BenchmarkMain() {}

    static void run(Class<?> benchmark, String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) options.include(benchmark.getName() + "\\.");
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options.build()).run();

        System.out.println();
        System.out.printf("%s, %d CPUs, JDK %s, %d-bit vectors; load average before %s, after %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize(), loadBefore, loadAverage());
        System.out.println("| benchmark | params | unit | best | median | iterations | bytes allocated per op |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        for (RunResult run : results) {
            String unit = run.getAggregatedResult().getPrimaryResult().getScoreUnit();
            // flops per ns is GFLOP/s; ns per flop (single-shot or average-time runs of a product) is its inverse
            boolean perFlop = unit.equals("ns/op") && benchmark == GemmBenchmark.class;
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult it : fork.getIterationResults()) {
                    double score = it.getPrimaryResult().getScore();
                    scores.add(perFlop ? 1 / score : score);
                }
            }
            boolean higherIsBetter = unit.equals("ops/ns") || perFlop;
            if (higherIsBetter) unit = "GFLOP/s";
            scores.sort(null);
            double best = higherIsBetter ? scores.getLast() : scores.getFirst();
            double median = scores.size() % 2 == 1 ? scores.get(scores.size() / 2)
                    : (scores.get(scores.size() / 2 - 1) + scores.get(scores.size() / 2)) / 2;
            String name = run.getParams().getBenchmark();
            List<String> params = new ArrayList<>();
            for (String key : run.getParams().getParamsKeys()) params.add(key + "=" + run.getParams().getParam(key));
            Map<String, Result> secondary = run.getAggregatedResult().getSecondaryResults();
            Result alloc = secondary.entrySet().stream().filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            System.out.printf("| %s | %s | %s | %.1f | %.1f | %d | %s |%n", name.substring(name.lastIndexOf('.') + 1),
                    String.join(", ", params), unit, best, median, scores.size(),
                    alloc == null ? "(run with -prof gc)" : String.format("%.1f", alloc.getScore()));
        }
    }

    /** The 1-, 5- and 15-minute load averages (Linux), which say how shared the machine was. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** "model name (family F, model M)" from /proc/cpuinfo: AMD's family 26 is Zen 5. */
    static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return field(lines, "model name") + " (family " + field(lines, "cpu family") + ", model " + field(lines, "model") + ")";
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String field(List<String> cpuinfo, String name) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) return line.substring(colon + 1).trim();
        }
        return "?";
    }
}
