package org.initlab.study;

import org.initlab.UserError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Shard {@code index} of {@code count} ({@code initlab run STUDY --shard I/N}): one of N parts of a
 * study's grid of about equal estimated cost, for N machines (a batch scheduler's job array) that
 * each train one part into their own folder; {@code initlab merge} combines the folders.
 *
 * <p>The parts are a partition by greedy longest-processing-time-first scheduling (Graham 1969,
 * "Bounds on multiprocessing timing anomalies", SIAM J. Appl. Math. 17(2)): runs in decreasing
 * order of cost, each into the part with the least cost so far; the largest part is at most
 * 4/3 − 1/(3N) times the best possible. Balanced by cost, not by count: a 6-hidden-layer run costs
 * several 1-hidden-layer ones. Deterministic across machines and JVMs: costs are computed from the
 * specs and the dataset's catalogued shape alone (no timing), ties go to the smaller run id and
 * then to the lower part index, and the sums are added in that fixed order.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new UserError("--shard " + index + "/" + count + ": I/N needs 0 ≤ I < N, e.g. --shard 0/4 … --shard 3/4");
        }
    }

    /** {@code "I/N"} as given on the command line. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length == 2) {
            try {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw new UserError("--shard " + text + ": give I/N, shard I of N counted from 0 (e.g. --shard 0/4 … --shard 3/4)");
    }

    /** This shard's runs of {@code runs}, in the grid's order. */
    public List<PlannedRun> select(List<PlannedRun> runs, ToDoubleFunction<PlannedRun> cost) {
        return partition(runs, cost, count).get(index);
    }

    /**
     * {@code runs} split into {@code count} parts of about equal total cost (see the class
     * comment); each part keeps the grid's order.
     */
    public static List<List<PlannedRun>> partition(List<PlannedRun> runs, ToDoubleFunction<PlannedRun> cost, int count) {
        return partition(runs, cost, PlannedRun::id, count);
    }

    /**
     * Any items split so, each with a cost and a unique id (the tie-breaker); each part keeps the
     * order of {@code items}. The Spark job's partitions ({@code --jobs N}) are split by this too.
     */
    public static <T> List<List<T>> partition(List<T> items, ToDoubleFunction<? super T> cost, Function<? super T, String> id, int count) {
        Map<String, Double> costs = new HashMap<>();
        for (T r : items) costs.put(id.apply(r), cost.applyAsDouble(r));
        List<T> order = new ArrayList<>(items);
        order.sort(Comparator.comparingDouble((T r) -> costs.get(id.apply(r))).reversed().thenComparing(r -> id.apply(r)));
        double[] load = new double[count];
        Map<String, Integer> part = new HashMap<>();
        for (T r : order) {
            int best = 0;
            for (int i = 1; i < count; i++) if (load[i] < load[best]) best = i;
            load[best] += costs.get(id.apply(r));
            part.put(id.apply(r), best);
        }
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) parts.add(new ArrayList<>());
        for (T r : items) parts.get(part.get(id.apply(r))).add(r);
        return parts;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
