package org.initlab.study;

import org.initlab.UserError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The split of a grid into shards: by cost, deterministic, a partition. */
class ShardTest {
    /** Runs named r00, r01, ... with the given costs (the spec is irrelevant to the split). */
    private static List<PlannedRun> runs(double... costs) {
        List<PlannedRun> out = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) out.add(new PlannedRun(String.format("r%02d", i), null, null, Map.of(), List.of()));
        return out;
    }

    private static Map<String, Double> costs(List<PlannedRun> runs, double... costs) {
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < costs.length; i++) m.put(runs.get(i).id(), costs[i]);
        return m;
    }

    @Test
    void balancesCostNotCount() {
        // one deep run costs as much as six shallow ones: 1 run against 6, not 4 against 3
        double[] c = {6, 1, 1, 1, 1, 1, 1};
        List<PlannedRun> runs = runs(c);
        Map<String, Double> cost = costs(runs, c);
        List<List<PlannedRun>> parts = Shard.partition(runs, r -> cost.get(r.id()), 2);
        assertEquals(List.of("r00"), parts.get(0).stream().map(PlannedRun::id).toList());
        assertEquals(6, parts.get(1).size());
    }

    @Test
    void isAPartitionInGridOrderAndTheSameWhateverTheInputOrder() {
        Random rng = new Random(7);
        double[] c = new double[40];
        for (int i = 0; i < c.length; i++) c[i] = rng.nextInt(5) * 1e9 + 1e9; // many ties, broken by id
        List<PlannedRun> runs = runs(c);
        Map<String, Double> cost = costs(runs, c);
        List<List<PlannedRun>> parts = Shard.partition(runs, r -> cost.get(r.id()), 3);
        List<String> all = new ArrayList<>();
        double max = 0, total = 0;
        for (List<PlannedRun> p : parts) {
            List<String> ids = p.stream().map(PlannedRun::id).toList();
            assertEquals(ids.stream().sorted().toList(), ids, "grid order");
            all.addAll(ids);
            double load = p.stream().mapToDouble(r -> cost.get(r.id())).sum();
            max = Math.max(max, load);
            total += load;
        }
        Collections.sort(all);
        assertEquals(runs.stream().map(PlannedRun::id).toList(), all, "every run once");
        double largest = c.length == 0 ? 0 : java.util.Arrays.stream(c).max().orElse(0);
        assertTrue(max <= total / 3 + largest, "LPT: no part exceeds the mean by more than one run");

        List<PlannedRun> shuffled = new ArrayList<>(runs);
        Collections.shuffle(shuffled, new Random(1));
        List<List<PlannedRun>> again = Shard.partition(shuffled, r -> cost.get(r.id()), 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(parts.get(i).stream().map(PlannedRun::id).sorted().toList(), again.get(i).stream().map(PlannedRun::id).sorted().toList());
        }
        assertEquals(parts.get(1), new Shard(1, 3).select(runs, r -> cost.get(r.id())));
    }

    @Test
    void moreShardsThanRunsLeavesSomeEmpty() {
        List<PlannedRun> runs = runs(1, 2);
        List<List<PlannedRun>> parts = Shard.partition(runs, r -> 1.0, 4);
        assertEquals(List.of(1, 1, 0, 0), parts.stream().map(List::size).toList());
    }

    @Test
    void badShardsAreOneLine() {
        assertEquals(new Shard(2, 5), Shard.parse("2/5"));
        assertEquals("2/5", Shard.parse(" 2 / 5 ").toString());
        for (String bad : List.of("3/3", "-1/3", "0/0", "1", "a/b", "1/2/3", "")) {
            UserError e = assertThrows(UserError.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--shard "), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"));
        }
    }
}
