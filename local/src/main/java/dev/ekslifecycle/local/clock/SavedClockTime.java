package dev.ekslifecycle.local.clock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.files.AtomicJsonFile;
import dev.ekslifecycle.local.files.InstantText;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code clock.json} in the data directory: the time a scaled or virtual clock has reached. Such a clock usually
 * runs far ahead of real time, so starting it at the real time again on the same directory would put time back:
 * saved operations and retries would be due in the future again, and records written after the restart would be
 * older than those written before it.
 *
 * <p>The time is saved when it has moved, at most every {@link #SAVE_EVERY} of real time (a scaled clock moves all
 * the time; saving on every step of a virtual one would cost a file write per timer), and once more when the clock
 * shuts down. After a crash time resumes at most that much real time's worth earlier than it had got.
 */
final class SavedClockTime {

    static final String FILE_NAME = "clock.json";
    static final Duration SAVE_EVERY = Duration.ofMillis(250);

    private static final Logger LOG = Logger.getLogger(SavedClockTime.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(InstantText.module());

    /** The file's content. */
    record Saved(Instant instant) {
        Saved {
            Objects.requireNonNull(instant, "instant");
        }
    }

    private final AtomicJsonFile<Saved> file;
    private Instant lastSaved;
    private boolean failing;

    private SavedClockTime(Path dataDir) {
        this.file = new AtomicJsonFile<>(dataDir.resolve(FILE_NAME), MAPPER, new TypeReference<>() { },
                "the simulated time");
    }

    static SavedClockTime in(Path dataDir) {
        return new SavedClockTime(dataDir);
    }

    /**
     * The time the previous run reached, or empty when none was saved.
     *
     * @throws UncheckedIOException naming the file when it cannot be read, so the start fails instead of putting
     *     time back silently
     */
    synchronized Optional<Instant> load() {
        Optional<Instant> saved = file.load().map(Saved::instant);
        lastSaved = saved.orElse(null);
        return saved;
    }

    /** Saves {@code clock}'s time from now on, and a last time when it shuts down. */
    void keep(SimulationClock clock) {
        ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clock-saver");
            t.setDaemon(true);
            return t;
        });
        long every = SAVE_EVERY.toMillis();
        saver.scheduleWithFixedDelay(() -> saveIfMoved(clock), every, every, TimeUnit.MILLISECONDS);
        clock.whenShutdown(() -> {
            // shutdown() cancels the periodic save; one running now finishes first (saveIfMoved is synchronized)
            saver.shutdown();
            saveIfMoved(clock);
        });
    }

    /** Reads the time under the lock, so a save never overwrites a later time with an earlier one. */
    private synchronized void saveIfMoved(SimulationClock clock) {
        Instant now = clock.instant();
        if (now.equals(lastSaved)) {
            return;
        }
        try {
            file.save(new Saved(now));
            lastSaved = now;
            failing = false;
        } catch (UncheckedIOException e) {
            // the clock keeps running; a restart would resume at the last time saved. Said once per failure spell.
            if (!failing) {
                LOG.log(Level.WARNING, e.getMessage(), e);
            }
            failing = true;
        }
    }
}
