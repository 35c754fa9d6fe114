package org.initlab.report.html;

import org.initlab.report.text.Finding;

import java.util.List;

/** A list of findings, each badged significant, not significant, untested, fails or diverged. */
final class FindingList {
    private FindingList() {}

    static void write(Page p, List<Finding> findings) {
        p.raw("<ul class=\"findings\">\n");
        for (Finding f : findings) {
            String cls, badge;
            switch (f.kind()) {
                case FAILURE -> { cls = "fail"; badge = "fails"; }
                case DIVERGENCE -> { cls = "fail"; badge = "diverged"; }
                default -> {
                    if (!f.tested()) { cls = "info"; badge = "no test"; }
                    else if (f.significant()) { cls = "sig"; badge = "significant"; }
                    else { cls = "ns"; badge = "not significant"; }
                }
            }
            p.raw("<li class=\"" + cls + "\"><span class=\"badge " + cls + "\">").text(badge).raw("</span>").text(f.text()).raw("</li>\n");
        }
        p.raw("</ul>\n");
    }
}
