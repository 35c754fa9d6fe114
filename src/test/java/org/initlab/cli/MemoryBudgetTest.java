package org.initlab.cli;

import org.initlab.data.DatasetShape;
import org.initlab.study.Grid;
import org.initlab.study.PlannedRun;
import org.initlab.study.StudySpecParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refusal's figures and advice, for a heap and a machine of given sizes. */
class MemoryBudgetTest {
    static final List<PlannedRun> RUNS = Grid.expand(StudySpecParser.parse(
            "name: m\nseeds: 2\nfactors:\n  architecture: [[2048, 2048], [64]]\n", "m", StudySpecParser.Overrides.NONE));
    static final DatasetShape MNIST = DatasetShape.catalogue("mnist");
    static final long GB = 1_000_000_000L;

    @Test
    void theLargestRunsAtOnceAndTheData() {
        MemoryBudget b = MemoryBudget.of(RUNS, MNIST, 2);
        assertEquals(4, RUNS.size());
        assertTrue(b.perRun() > 2 * 4 * 2048L * 2048, "weights and gradients of the 2048-2048 run at least: " + b.perRun());
        assertEquals(MNIST.bytes() + 2 * b.perRun(), b.total(2), "the two largest runs at once, beside the data");
        assertEquals(MNIST.bytes() + b.perRun(), b.total(1));
        assertNull(b.problem(b.total(2), 2 * b.total(2), 64 * GB));
    }

    @Test
    void fewerJobsSuggestedWhenOneRunFits() {
        MemoryBudget b = MemoryBudget.of(RUNS, MNIST, 2);
        long usable = b.total(1) + 1;
        String p = b.problem(usable, usable * 4 / 3, 64 * GB);
        long gib = (long) Math.ceil(b.total(2) * (4.0 / 3) * 1.1 / (1L << 30));
        assertEquals("not enough memory: a run of architecture 2048-2048 needs about " + MemoryBudget.size(b.perRun())
                + " and 2 runs at once need about " + MemoryBudget.size(2 * b.perRun()) + ", with the data about " + MemoryBudget.size(b.total(2))
                + ", but this Java can hold about " + MemoryBudget.size(usable) + " (of its " + MemoryBudget.size(usable * 4 / 3)
                + " maximum heap); give initlab more memory (INITLAB_JAVA_OPTS=-Xmx" + gib + "g ./initlab run ...), or run fewer at once (--jobs 1)", p);
    }

    @Test
    void moreThanTheMachineHasNeedsASmallerNet() {
        MemoryBudget b = MemoryBudget.of(RUNS, MNIST, 1);
        String p = b.problem(10_000_000, 15_000_000, GB / 10);
        assertTrue(p.endsWith(", more than this machine's 100 MB: use narrower layers or smaller batches"), p);
    }

    /** Two runs at once would need more than the machine has, one run would not: say both what to run and with what memory. */
    @Test
    void oneRunAtATimeWithMoreMemoryWhenTwoAreMoreThanTheMachine() {
        MemoryBudget b = MemoryBudget.of(RUNS, MNIST, 2);
        long usable = b.total(1) / 2, heap = usable * 400; // a heap mostly unusable: GiB figures far apart
        long one = (long) Math.ceil(b.total(1) * ((double) heap / usable) * 1.1 / (1L << 30));
        long two = (long) Math.ceil(b.total(2) * ((double) heap / usable) * 1.1 / (1L << 30));
        assertTrue(one < two, one + " " + two);
        long physical = (one + two) * (1L << 30) / 2;
        String p = b.problem(usable, heap, physical);
        assertTrue(p.contains("(INITLAB_JAVA_OPTS=-Xmx" + two + "g ./initlab run ...), more than this machine's " + MemoryBudget.size(physical)
                + ": run fewer at once with more memory (--jobs 1 and INITLAB_JAVA_OPTS=-Xmx" + one + "g)"), p);
    }

    @Test
    void figuresInDecimalUnits() {
        assertEquals("1 MB", MemoryBudget.size(1));
        assertEquals("220 MB", MemoryBudget.size(219_800_000));
        assertEquals("1.0 GB", MemoryBudget.size(999_600_000));
        assertEquals("15.7 GB", MemoryBudget.size(15_660_000_000L));
    }
}
