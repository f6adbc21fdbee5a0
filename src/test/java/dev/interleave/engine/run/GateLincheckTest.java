package dev.interleave.engine.run;

import java.lang.reflect.Method;
import java.util.List;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.lincheck.datastructures.DSLScenarioBuilder;
import org.jetbrains.lincheck.datastructures.DSLThreadScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.junit.jupiter.api.Test;
import kotlin.Unit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lincheck checks the real blocking {@link Gate#pass} against the gate's sequential meaning: each
 * step lets exactly one pass through a closed gate. The scenarios are balanced (two passes, two
 * steps), so a correct gate always lets both through; a count read between the steps shows a
 * pass that used no step. The planted bug is the real Gate with its check-then-act switched on.
 */
class GateLincheckTest {

    /*
     * Budget, per scenario, measured on two cores: the model checker found the planted bug within
     * 20 invocations in every run; 200 gives it ten times that, and the correct gate costs a few
     * seconds. No stress mode here: on real threads the bug's window is one unlocked read, and
     * stress missed it in 2 of 5 runs even at 15,000 invocations; a check that cannot be shown to
     * fail on its planted bug proves nothing.
     */
    private static final int MODEL_CHECKING_INVOCATIONS = 200;

    /**
     * Passes arrive at the closed gate while two steps are granted with a count read between
     * them: after one step, at most one has passed.
     */
    private static void passesBeforeSteps(DSLScenarioBuilder scenario) {
        scenario.parallel(parallel -> {
            parallel.thread(thread -> add(thread, "pass"));
            parallel.thread(thread -> add(thread, "pass"));
            parallel.thread(thread -> {
                add(thread, "step");
                add(thread, "stepsTaken");
                return add(thread, "step");
            });
            return Unit.INSTANCE;
        });
    }

    /**
     * A step is granted before anyone arrives, then two passes race for it while a count is read
     * and the second step follows: the first arrival uses the kept step, the other waits.
     */
    private static void stepBeforePasses(DSLScenarioBuilder scenario) {
        scenario.initial(thread -> add(thread, "step"));
        scenario.parallel(parallel -> {
            parallel.thread(thread -> add(thread, "pass"));
            parallel.thread(thread -> add(thread, "pass"));
            parallel.thread(thread -> {
                add(thread, "stepsTaken");
                return add(thread, "step");
            });
            return Unit.INSTANCE;
        });
    }

    private static <O extends Options<O, ?>> O withScenarios(O options) {
        return options.iterations(0).sequentialSpecification(GateModel.class)
                .addCustomScenario(s -> {
                    passesBeforeSteps(s);
                    return Unit.INSTANCE;
                })
                .addCustomScenario(s -> {
                    stepBeforePasses(s);
                    return Unit.INSTANCE;
                });
    }

    static ModelCheckingOptions modelChecking() {
        return withScenarios(new ModelCheckingOptions()).invocationsPerIteration(MODEL_CHECKING_INVOCATIONS);
    }

    /** Each step lets exactly one parked worker through the real gate. */
    @Test
    void eachStepLetsExactlyOneWorkerPass() {
        modelChecking().check(GateOps.class);
    }

    /** Planted bug: a permit seen without the lock is taken under it unchecked. Model checking must reject it. */
    @Test
    void modelCheckingCatchesCheckThenAct() {
        AssertionError failure = assertThrows(AssertionError.class, () -> modelChecking().check(CheckThenActOps.class));
        assertTrue(failure.getMessage().contains("Invalid execution results"), failure.getMessage());
    }

    private static Unit add(DSLThreadScenario thread, String name) {
        Method method = List.of(GateOps.class.getMethods()).stream().filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        thread.add(new Actor(method, List.of(), false, false, false, false, false));
        return Unit.INSTANCE;
    }

    /** A closed gate: step() grants one pass, pass() parks until it may go, stepsTaken() counts passes on a step. */
    public static class GateOps {
        private final Gate gate;

        public GateOps() {
            this(Gate.Bug.NONE);
        }

        GateOps(Gate.Bug bug) {
            gate = new Gate(bug);
            gate.close();
        }

        @Operation
        public void step() {
            gate.step();
        }

        @Operation
        public void pass() throws InterruptedException {
            gate.pass(new Passer());
        }

        @Operation
        public long stepsTaken() {
            return gate.view().stepsTaken();
        }
    }

    /** The real Gate with Gate.Bug.CHECK_THEN_ACT switched on. */
    public static final class CheckThenActOps extends GateOps {
        public CheckThenActOps() {
            super(Gate.Bug.CHECK_THEN_ACT);
        }
    }

    /** A worker at the gate: a new one per pass, as each worker is its own object. */
    private static final class Passer implements Gated {
        @Override
        public String name() {
            return "W";
        }

        @Override
        public void parkedAtGate() {
        }
    }

    /**
     * The sequential meaning of a closed gate. A pass with no permit cannot be a linearization point
     * of a gate that blocks, so here it fails, and Lincheck rejects any order that needs it.
     */
    public static final class GateModel {
        private long permits;
        private long stepsTaken;

        public void step() {
            permits++;
        }

        public void pass() {
            if (permits == 0) {
                throw new IllegalStateException("no step to pass on");
            }
            permits--;
            stepsTaken++;
        }

        public long stepsTaken() {
            return stepsTaken;
        }
    }
}
