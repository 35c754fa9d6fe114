package org.initlab.spark;

import java.io.Serializable;

/**
 * initlab's kernels need the Vector API, an incubator module that a JVM resolves only when told
 * ({@code --add-modules jdk.incubator.vector}). Spark 4.1+ adds it to the executors it launches,
 * but a cluster whose executors are started otherwise (an older launcher, a custom image, a
 * managed service) may lack it: the check runs inside tasks, where the code will run, and turns a
 * {@code NoClassDefFoundError} deep in a training step into one line that says what to set.
 *
 * @param module the module required ({@code jdk.incubator.vector}; tests name a missing one)
 */
public record VectorModuleCheck(String module) implements Serializable {
    public static final VectorModuleCheck VECTOR_API = new VectorModuleCheck("jdk.incubator.vector");

    /** Whether this JVM resolved the module at start-up (the boot layer is fixed for its lifetime). */
    public boolean presentHere() {
        return ModuleLayer.boot().findModule(module).isPresent();
    }

    /** Throws {@link MissingModule} in a JVM without the module; {@code where} names it ("executor 3 on host-a"). */
    public void require(String where) {
        if (!presentHere()) throw new MissingModule(executorMessage(where));
    }

    public String executorMessage(String where) {
        return where + " runs without the " + module + " module: add --add-modules=" + module
                + " to spark.executor.extraJavaOptions (e.g. spark-submit --conf spark.executor.extraJavaOptions=--add-modules=" + module + ")";
    }

    public String driverMessage() {
        return "the driver runs without the " + module + " module: add --driver-java-options=--add-modules=" + module
                + " to spark-submit (or spark.driver.extraJavaOptions in spark-defaults.conf)";
    }

    /** A JVM of the job lacks the module; its message is the one line the driver prints. */
    public static final class MissingModule extends RuntimeException {
        public MissingModule(String message) {
            super(message, null, false, false);
        }
    }
}
