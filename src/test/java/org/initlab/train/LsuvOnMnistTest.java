package org.initlab.train;

import org.initlab.RealMnist;
import org.initlab.data.DataOptions;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.init.Initializers;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.train.probe.ActivationStatistics;
import org.initlab.train.probe.ProbeSet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** LSUV (Mishkin &amp; Matas 2016) on a real MNIST batch: every layer's output variance ends near 1. */
class LsuvOnMnistTest {
    @Test
    void layerOutputsHaveUnitVarianceAfterLsuv() {
        Dataset mnist = new DatasetLoader().load("mnist", DataOptions.defaults().withDataDir(RealMnist.dir()).withAllowDownload(false));
        for (String act : new String[]{"relu", "tanh"}) {
            TrainingPlan plan = new TrainingPlan(new int[]{256, 128, 64}, Activations.create(act), false,
                    Initializers.weight("lsuv", Map.of()), Initializers.bias("zeros", Map.of()), Optimizers.spec("sgd", Map.of("lr", 0.01)),
                    150, 0, 1, new Evaluation(true, true, 1000, Evaluation.Aggregation.EXAMPLE_MEAN));
            RunResult r = Trainer.run(plan, mnist, ProbeSet.of(ProbeSettings.defaults(), mnist), RunListener.NONE);
            // epoch 0 records pre-activations on 1000 validation images, a batch LSUV never saw
            for (LayerRecord s : r.epochs().getFirst().layers()) {
                double std = s.values().summary(ActivationStatistics.PREACT.name()).std();
                double var = std * std;
                assertTrue(Math.abs(var - 1) < 0.2, act + " " + s.layer() + ": output variance " + var + " after LSUV");
            }
        }
    }
}
