package dev.ekslifecycle.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SnapStartPriming initialises the classes of Quarkus' preload list before a snapshot: each named class's static
 * initialiser runs, and a name that cannot be loaded is passed over, as Quarkus' own preloading does.
 */
class PreloadListTest {

    static final AtomicBoolean PROBE_INITIALISED = new AtomicBoolean();

    /** Its static initialiser records that it ran. */
    static final class Probe {
        static {
            PROBE_INITIALISED.set(true);
        }
    }

    @Test
    void initialisesEveryListedClassThatLoadsAndPassesOverTheRest() throws Exception {
        String list = Probe.class.getName() + "\n\n  dev.ekslifecycle.handlers.NoSuchClass  \r\n"
                + String.class.getName() + "\n";
        assertFalse(PROBE_INITIALISED.get(), "nothing initialised the probe yet");

        int initialised = SnapStartPriming.initializeListed(
                new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), getClass().getClassLoader());

        assertEquals(2, initialised, "the probe and String; the missing class is passed over");
        assertTrue(PROBE_INITIALISED.get(), "the probe's static initialiser ran");
    }
}
