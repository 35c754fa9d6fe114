package org.initlab.report.plot;

import java.util.List;

/**
 * Alternative views of one cell of a figure, one shown at a time: which is chosen in the page
 * ({@link Figure.Choice}), e.g. accuracy, test error on a log axis, or the difference from the
 * best. The SVG holds every view (all but the default's hidden), the PNG only the default's.
 *
 * @param choice the id of the figure's {@link Figure.Choice} that picks the view
 */
public record ChoicePanel(String choice, List<Alternative> alternatives) implements Panel {
    public ChoicePanel {
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) throw new IllegalArgumentException("a choice panel needs a view");
        for (Alternative a : alternatives) if (a.panel() instanceof ChoicePanel) throw new IllegalArgumentException("choices do not nest");
    }

    /**
     * A view and the options of the choice under which it shows (one view may serve several, e.g.
     * "auto" and "linear").
     */
    public record Alternative(List<String> options, Panel panel) {
        public Alternative {
            options = List.copyOf(options);
        }
    }

    @Override
    public String title() {
        return alternatives.getFirst().panel().title();
    }

    /** The view shown under {@code option}, or null. */
    public Panel shown(String option) {
        for (Alternative a : alternatives) if (a.options().contains(option)) return a.panel();
        return null;
    }
}
