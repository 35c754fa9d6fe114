package org.initlab.report.text;

import org.initlab.report.model.Reach;
import org.initlab.report.stats.Estimate;
import org.initlab.report.stats.Proportion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How numbers read in the tables and sentences. */
class ValuesTest {
    @Test
    void accuraciesArePercentWithTheHalfWidth() {
        Estimate e = Estimate.of(new double[]{0.97, 0.98});
        assertEquals("97.50% ± " + Values.fixed(100 * e.halfWidth(), 2), Values.accuracy(e));
        assertEquals("97.00%", Values.accuracy(Estimate.of(new double[]{0.97})), "one seed: no interval");
        assertEquals("—", Values.accuracy(Estimate.EMPTY));
    }

    @Test
    void lossesKeepThreeSignificantDigitsAndGoScientificWhenHuge() {
        assertEquals("0.0712", Values.loss(new Estimate(0.0712, Double.NaN, Double.NaN, 1)));
        assertEquals("2.30 ± 0.01", Values.loss(new Estimate(2.3, 2.29, 2.31, 3)));
        assertEquals("5.52e20 ± 3.71e21", Values.loss(new Estimate(5.5246e20, 5.5246e20 - 3.71e21, 5.5246e20 + 3.71e21, 2)));
        assertEquals("1.20e−4", Values.significant(1.2e-4));
        assertEquals("0.0712 (0.0650–0.0780)", Values.geometric(new Estimate(0.0712, 0.065, 0.078, 5)));
        assertEquals("0.0712 (0.0650–0.0780) (2 of 3 seeds)", Values.geometric(new Estimate(0.0712, 0.065, 0.078, 2), 3));
        assertEquals("0.0712 (0.0650–0.0780)", Values.geometric(new Estimate(0.0712, 0.065, 0.078, 3), 3));
        assertEquals("1.23e5 (4000–3.80e6)", Values.geometric(new Estimate(1.23e5, 4e3, 3.8e6, 3), 3), "losses spanning decades");
        assertEquals("—", Values.geometric(Estimate.EMPTY, 3));
    }

    @Test
    void pValuesEffectsAndCounts() {
        assertEquals("p < 0.001", Values.p(0.0004));
        assertEquals("p = 0.0023", Values.p(0.0023));
        assertEquals("p = 0.041", Values.p(0.0412));
        assertEquals("no test", Values.p(Double.NaN));
        assertEquals("2.1", Values.effect(2.07));
        assertEquals("31", Values.effect(31.2));
        assertEquals("∞", Values.effect(Double.POSITIVE_INFINITY));
        assertEquals("0 of 5 (0–43%)", Values.proportion(Proportion.of(0, 5)));
        assertEquals("2 of 5 (12–77%)", Values.proportion(Proportion.of(2, 5)));
        assertEquals("0 of 1", Values.proportion(Proportion.of(0, 1)));
        assertEquals("−0.25", Values.fixed(-0.25, 2), "a true minus sign");
        assertEquals("0.00", Values.fixed(-0.0001, 2), "no negative zero");
    }

    @Test
    void epochsToAThresholdAreAMedianAndARangeThatSayHowManySeedsGotThere() {
        double never = Double.NaN;
        assertEquals("4 (3–5)", Values.epochs(new Reach(new double[]{3, 4, 5})));
        assertEquals("4", Values.epochs(new Reach(new double[]{4, 4, 4})), "no range when every seed took as long");
        assertEquals("3.5 (3–4)", Values.epochs(new Reach(new double[]{3, 4})), "the median of an even count");
        assertEquals("5 (3–6), 1 of 5 never", Values.epochs(new Reach(new double[]{3, 4, 5, 6, never})), "a seed that never got there counts as latest");
        assertEquals("never (1 of 5 did: 6)", Values.epochs(new Reach(new double[]{6, never, never, never, never})));
        assertEquals("never (2 of 4 did: 3–4)", Values.epochs(new Reach(new double[]{3, never, 4, never})), "half never: the median is never");
        assertEquals("never", Values.epochs(new Reach(new double[]{never, never})));
        assertEquals("—", Values.epochs(Reach.NOT_FOLLOWED), "validation not followed per epoch");
        assertEquals("2026-11-29 04:24 UTC", Values.instant("2026-11-29T04:24:55.332178623Z"));
        assertEquals("not a date", Values.instant("not a date"));
    }
}
