package dev.ekslifecycle.local.eks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test class against a fresh emulator on a manual virtual clock ({@link EksHarness#manual()}) per test. */
abstract class ManualClockEksTest {

    protected EksHarness h;

    @BeforeEach
    void startHarness() throws Exception {
        h = EksHarness.manual();
    }

    @AfterEach
    void stopHarness() {
        h.close();
    }
}
