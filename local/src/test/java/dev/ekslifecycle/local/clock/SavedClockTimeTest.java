package dev.ekslifecycle.local.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A scaled or virtual clock on a data directory resumes where the previous run stopped, never earlier. */
class SavedClockTimeTest {

    @TempDir
    Path dataDir;

    /** Starts a virtual clock on the data directory, moves it {@code ahead} and returns it still running. */
    private VirtualClock virtualMovedAhead(Duration ahead) {
        VirtualClock clock = (VirtualClock) SimulationClock.parse("virtual", Optional.of(dataDir));
        clock.advance(ahead);
        return clock;
    }

    /** A previous run on the data directory: a virtual clock moved {@code ahead}, then stopped; its last time. */
    private Instant previousRunStoppedAfter(Duration ahead) {
        VirtualClock previous = virtualMovedAhead(ahead);
        previous.shutdown();
        return previous.instant();
    }

    @Test
    void aVirtualClockResumesAtTheTimeItHadReachedNotAtTheRealTime() {
        Instant stoppedAt = previousRunStoppedAfter(Duration.ofDays(30));
        SimulationClock resumed = SimulationClock.parse("virtual", Optional.of(dataDir));
        try {
            assertEquals(stoppedAt, resumed.instant(), "an idle virtual clock resumes exactly where it stopped");
        } finally {
            resumed.shutdown();
        }
    }

    @Test
    void aScaledClockResumesAtTheSavedTimeAndRunsOnFromThere() {
        Instant stoppedAt = previousRunStoppedAfter(Duration.ofDays(30));
        SimulationClock scaled = SimulationClock.parse("scaled:60", Optional.of(dataDir));
        Instant resumed = scaled.instant();
        scaled.shutdown();
        assertTrue(!resumed.isBefore(stoppedAt), resumed + " is earlier than " + stoppedAt);
        assertTrue(resumed.isBefore(stoppedAt.plus(Duration.ofHours(1))), resumed + " is not where it stopped");
    }

    @Test
    void theTimeIsSavedWhileTheClockRunsSoACrashLosesAtMostAMoment() throws Exception {
        VirtualClock first = virtualMovedAhead(Duration.ofDays(10));
        Instant reached = first.instant();
        try {
            // no shutdown: as after a crash, only the periodic save has written the time
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!SavedClockTime.in(dataDir).load().equals(Optional.of(reached))) {
                assertTrue(System.nanoTime() < deadline, "the time was not saved within 10 s");
                Thread.sleep(SavedClockTime.SAVE_EVERY.toMillis() / 5);
            }
            SimulationClock second = SimulationClock.parse("virtual", Optional.of(dataDir));
            try {
                assertEquals(reached, second.instant());
            } finally {
                second.shutdown();
            }
        } finally {
            first.shutdown();
        }
    }

    @Test
    void theRealClockIsTheWallClockWhateverTheFileSays() throws Exception {
        previousRunStoppedAfter(Duration.ofDays(365));
        SimulationClock real = SimulationClock.parse("real", Optional.of(dataDir));
        try {
            Duration offset = Duration.between(Instant.now(), real.instant()).abs();
            assertTrue(offset.compareTo(Duration.ofSeconds(5)) < 0, "real clock off the wall clock by " + offset);
        } finally {
            real.shutdown();
        }

        Path file = dataDir.resolve(SavedClockTime.FILE_NAME);
        Files.writeString(file, "not json");
        SimulationClock again = SimulationClock.parse("real", Optional.of(dataDir));
        again.shutdown();
        assertEquals("not json", Files.readString(file), "the real clock neither needs nor writes the file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "virtual|not json",
        "virtual|''",
        "virtual|null",
        "scaled:60|{}",
        "scaled:60|{\"instant\": \"yesterday\"}",
        "virtual|{\"instant\": null}",
    })
    void aFileThatCannotBeReadStopsTheStartNamingIt(String clock, String content) throws Exception {
        Path file = Files.writeString(dataDir.resolve(SavedClockTime.FILE_NAME), content);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> SimulationClock.parse(clock, Optional.of(dataDir)));
        assertEquals("cannot read the simulated time in " + file, e.getMessage());
        assertEquals(content, Files.readString(file), "the file is left for the user to fix");
    }
}
