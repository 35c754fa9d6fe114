package org.initlab.optim;

import org.initlab.math.Parameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One optimizer step over the parameters of a 784-256-256-10 MLP (269,322 floats), Vector API
 * loops against the scalar loop. Run from the worktree (see the optim report for the command).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OptimizerStepBenchmark {
    @Param({"sgd", "sgd-momentum", "adam", "adamw-amsgrad", "rmsprop-centered", "adagrad"})
    public String config;

    @Param({"true", "false"})
    public boolean vectorized;

    private Optimizer optimizer;

    @Setup
    public void setUp() {
        OptimizerSpec spec = switch (config) {
            case "sgd" -> Optimizers.spec("sgd", Map.of("lr", 0.01));
            case "sgd-momentum" -> Optimizers.spec("sgd", Map.of("lr", 0.01, "momentum", 0.9, "weight_decay", 1e-4));
            case "adam" -> Optimizers.spec("adam", Map.of());
            case "adamw-amsgrad" -> Optimizers.spec("adamw", Map.of("amsgrad", true));
            case "rmsprop-centered" -> Optimizers.spec("rmsprop", Map.of("centered", true));
            case "adagrad" -> Optimizers.spec("adagrad", Map.of());
            default -> throw new IllegalArgumentException(config);
        };
        int[] widths = {784, 256, 256, 10};
        List<Parameter> parameters = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            parameters.add(parameter("dense" + l + ".weight", widths[l] * widths[l + 1], true));
            parameters.add(parameter("dense" + l + ".bias", widths[l + 1], false));
        }
        optimizer = switch (spec) {
            case Sgd s -> s.bind(parameters, vectorized);
            case Adam s -> s.bind(parameters, vectorized);
            case AdamW s -> s.bind(parameters, vectorized);
            case RmsProp s -> s.bind(parameters, vectorized);
            case Adagrad s -> s.bind(parameters, vectorized);
            default -> throw new IllegalArgumentException(config);
        };
    }

    private static Parameter parameter(String name, int n, boolean decays) {
        float[] value = new float[n];
        float[] grad = new float[n];
        for (int i = 0; i < n; i++) {
            value[i] = ((i * 37) % 101 - 50) * 1e-3f;
            grad[i] = ((i * 53) % 97 - 48) * 1e-4f;
        }
        return new Parameter(name, value, grad, decays);
    }

    @Benchmark
    public long step() {
        optimizer.step();
        return optimizer.steps();
    }
}
