package dev.ekslifecycle.local.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private VirtualClock clock;

    @AfterEach
    void stop() {
        clock.shutdown();
    }

    @Test
    void manualClockMovesOnlyWhenAdvancedAndFiresTimersInOrderAtTheirOwnInstants() {
        clock = VirtualClock.manual(T0);
        List<String> fired = new CopyOnWriteArrayList<>();
        clock.schedule(T0.plusSeconds(30), () -> fired.add("b@" + clock.instant()));
        clock.schedule(T0.plusSeconds(10), () -> fired.add("a@" + clock.instant()));
        clock.schedule(T0.plusSeconds(90), () -> fired.add("c@" + clock.instant()));

        clock.advance(Duration.ofSeconds(60));

        assertEquals(List.of("a@" + T0.plusSeconds(10), "b@" + T0.plusSeconds(30)), fired);
        assertEquals(T0.plusSeconds(60), clock.instant());
    }

    @Test
    void advanceFiresTimersThatFiredWorkSchedulesInsideTheWindow() {
        clock = VirtualClock.manual(T0);
        List<Instant> fired = new CopyOnWriteArrayList<>();
        clock.schedule(T0.plusSeconds(10), () -> {
            fired.add(clock.instant());
            clock.scheduleAfter(Duration.ofSeconds(10), () -> fired.add(clock.instant()));
        });

        clock.advance(Duration.ofMinutes(1));

        assertEquals(List.of(T0.plusSeconds(10), T0.plusSeconds(20)), fired);
    }

    @Test
    void advanceWaitsForATimerTheDispatcherIsFiringBeforeMovingTime() throws Exception {
        clock = VirtualClock.manual(T0);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Instant> seen = new CopyOnWriteArrayList<>();
        // already due: the dispatcher fires it on its own, as it does a retry resumed after a restart
        clock.schedule(T0, () -> {
            started.countDown();
            awaitQuietly(release);
            seen.add(clock.instant());
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));

        Thread advancing = new Thread(() -> clock.advance(Duration.ofMinutes(1)), "advancing");
        advancing.start();
        advancing.join(200);
        release.countDown();
        advancing.join();

        assertEquals(List.of(T0), seen, "advance returns after the work, which read the time its timer fired at");
        assertEquals(T0.plusSeconds(60), clock.instant());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void autoAdvancingClockJumpsHoursAheadWhenIdle() throws Exception {
        clock = SimulationClock.virtual(T0);
        CountDownLatch done = new CountDownLatch(1);
        clock.scheduleAfter(Duration.ofHours(3), done::countDown);

        assertTrue(done.await(5, TimeUnit.SECONDS), "a three-hour timer fires within real seconds");
        assertFalse(clock.instant().isBefore(T0.plusSeconds(3 * 3600)));
    }

    @Test
    void autoAdvancingClockDoesNotJumpWhileWorkIsRunning() throws Exception {
        clock = SimulationClock.virtual(T0);
        CountDownLatch release = runningUntil();
        clock.scheduleAfter(Duration.ofHours(1), () -> { });

        Thread.sleep(100);
        assertEquals(T0, clock.instant(), "time stands still while a task runs");

        release.countDown();
        clock.awaitQuiescence(Duration.ofSeconds(5));
        assertEquals(T0.plusSeconds(3600), clock.instant());
    }

    @Test
    void backgroundTimersNeverPullTimeForward() throws Exception {
        clock = SimulationClock.virtual(T0);
        List<Instant> fired = new CopyOnWriteArrayList<>();
        clock.scheduleBackground(T0.plusSeconds(60), () -> fired.add(clock.instant()));

        Thread.sleep(100);
        assertEquals(T0, clock.instant());
        assertTrue(fired.isEmpty());

        CountDownLatch foreground = new CountDownLatch(1);
        clock.scheduleAfter(Duration.ofMinutes(5), foreground::countDown);
        assertTrue(foreground.await(5, TimeUnit.SECONDS));
        clock.awaitQuiescence(Duration.ofSeconds(5));
        assertEquals(List.of(T0.plusSeconds(60)), fired, "a background timer fires when time passes it");
    }

    @Test
    void cancelledTimerDoesNotFireAndDoesNotHoldTheClock() throws Exception {
        clock = SimulationClock.virtual(T0);
        List<String> fired = new CopyOnWriteArrayList<>();
        // auto-advance off before scheduling: otherwise the clock may jump to the timer before it is cancelled
        clock.setAutoAdvance(false);
        SimulationClock.Timer timer = clock.scheduleAfter(Duration.ofHours(1), () -> fired.add("x"));

        assertTrue(timer.cancel());
        assertFalse(timer.cancel());
        clock.setAutoAdvance(true);
        clock.awaitQuiescence(Duration.ofSeconds(5));
        assertTrue(fired.isEmpty());
    }

    @Test
    void skipToMovesTimeAtOnceOnlyForTheOnlyWorkRunningWithNoTimerDueFirst() throws Exception {
        clock = SimulationClock.virtual(T0);
        assertFalse(clock.skipTo(T0.plusSeconds(5)), "a caller that is not work of the clock cannot skip");

        assertTrue(clock.whileBusy(() -> clock.skipTo(T0.plusSeconds(10))));
        assertEquals(T0.plusSeconds(10), clock.instant());

        clock.whileBusy(() -> {
            clock.schedule(T0.plusSeconds(30), () -> { });
            assertFalse(clock.skipTo(T0.plusSeconds(40)), "a timer due first fires first");
            assertTrue(clock.skipTo(T0.plusSeconds(25)), "a timer due later does not matter");
            assertEquals(T0.plusSeconds(25), clock.instant());
            return null;
        });
        clock.awaitQuiescence(Duration.ofSeconds(5));

        CountDownLatch release = runningUntil();
        assertFalse(clock.whileBusy(() -> clock.skipTo(T0.plusSeconds(31))), "other work may still act now");
        release.countDown();
        clock.awaitQuiescence(Duration.ofSeconds(5));

        BlockingQueue<Boolean> fromPool = new LinkedBlockingQueue<>();
        clock.setAutoAdvance(false);
        clock.execute(() -> fromPool.add(clock.skipTo(clock.instant().plusSeconds(1))));
        assertFalse(fromPool.poll(5, TimeUnit.SECONDS), "a manual clock never skips");
        clock.setAutoAdvance(true);
        clock.awaitQuiescence(Duration.ofSeconds(5));
        clock.execute(() -> fromPool.add(clock.skipTo(T0.plusSeconds(100))));
        assertTrue(fromPool.poll(5, TimeUnit.SECONDS), "a pool task that is the only work skips");
    }

    /** Starts work on the clock's pool that runs until the returned latch is counted down. */
    private CountDownLatch runningUntil() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        clock.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();
        return release;
    }

    @Test
    void timeCannotGoBackwards() {
        clock = VirtualClock.manual(T0);
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }

    @Test
    void parsesTheCommandLineForms() {
        SimulationClock scaled = SimulationClock.parse("scaled:60");
        try {
            Instant before = scaled.instant();
            assertTrue(Duration.between(Instant.now(), before).abs().getSeconds() < 5);
        } finally {
            scaled.shutdown();
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SimulationClock.parse("scaled:0"));
        assertTrue(e.getMessage().contains("real, scaled:N"));
        assertThrows(IllegalArgumentException.class, () -> SimulationClock.parse("fast"));
        clock = VirtualClock.manual(T0);
    }
}
