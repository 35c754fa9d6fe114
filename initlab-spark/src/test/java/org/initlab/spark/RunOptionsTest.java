package org.initlab.spark;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Spark job's {@code run} takes the options of {@code initlab run}, all but {@code --shard} (Spark distributes the runs itself). */
class RunOptionsTest {
    @Test
    void everyOptionOfInitlabRunButShard() throws ClassNotFoundException {
        Set<String> core = names(new CommandLine(Class.forName("org.initlab.cli.RunCommand")));
        Set<String> spark = names(new CommandLine(new SparkMain()).getSubcommands().get("run"));
        Set<String> missing = new TreeSet<>(core);
        missing.removeAll(spark);
        assertEquals(Set.of("--shard"), missing, "options of 'initlab run' the Spark job lacks (docs/cluster.md lists the differences)");
        Set<String> extra = new TreeSet<>(spark);
        extra.removeAll(core);
        assertEquals(Set.of(), extra, "options only the Spark job has");
    }

    private static Set<String> names(CommandLine cl) {
        Set<String> out = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) out.add(o.longestName());
        return out;
    }
}
