package dev.ekslifecycle.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesVersionTest {

    @ParameterizedTest
    @CsvSource({"1.31, 1, 31", "1.0, 1, 0", "2.7, 2, 7", "1.100, 1, 100"})
    void parsesMajorDotMinor(String text, int major, int minor) {
        KubernetesVersion v = KubernetesVersion.parse(text);
        assertEquals(new KubernetesVersion(major, minor), v);
        assertEquals(text, v.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1.31", "1.31 ", "v1.31", "1.31.0", "1", "1.", ".31", "0.5", "1.031", "01.31",
            "1,31", "1.x", "one.two", "-1.31", "1.-1", "99999.1"})
    void refusesGarbageWithAClearMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KubernetesVersion.parse(text));
        assertEquals("\"" + text + "\" is not a Kubernetes version: expected MAJOR.MINOR such as 1.31", e.getMessage());
    }

    @ParameterizedTest
    @NullSource
    void refusesNull(String text) {
        assertThrows(IllegalArgumentException.class, () -> KubernetesVersion.parse(text));
    }

    @Test
    void comparesNumericallyNotAsText() {
        assertTrue(KubernetesVersion.parse("1.10").isNewerThan(KubernetesVersion.parse("1.9")));
        assertTrue(KubernetesVersion.parse("2.0").isNewerThan(KubernetesVersion.parse("1.99")));
        assertEquals(0, KubernetesVersion.parse("1.31").compareTo(new KubernetesVersion(1, 31)));
    }

    @Test
    void distanceInMinorsNeedsOneMajor() {
        assertEquals(3, KubernetesVersion.parse("1.28").minorsUntil(KubernetesVersion.parse("1.31")));
        assertEquals(-3, KubernetesVersion.parse("1.31").minorsUntil(KubernetesVersion.parse("1.28")));
        assertThrows(IllegalArgumentException.class,
                () -> KubernetesVersion.parse("1.31").minorsUntil(KubernetesVersion.parse("2.0")));
    }

    @Test
    void nextMinorIsOneUpgradeAwayAndNewer() {
        qt().withFixedSeed(20261125L).forAll(integers().between(1, 9), integers().between(0, 500))
                .checkAssert((major, minor) -> {
                    KubernetesVersion v = new KubernetesVersion(major, minor);
                    KubernetesVersion next = v.nextMinor();
                    assertEquals(1, v.minorsUntil(next));
                    assertTrue(next.isNewerThan(v));
                    assertEquals(next, KubernetesVersion.parse(next.toString()));
                });
    }

    @Test
    void orderAgreesWithDistance() {
        qt().withFixedSeed(31L).forAll(integers().between(0, 300), integers().between(0, 300))
                .checkAssert((a, b) -> {
                    KubernetesVersion x = new KubernetesVersion(1, a);
                    KubernetesVersion y = new KubernetesVersion(1, b);
                    assertEquals(Integer.signum(x.minorsUntil(y)), -Integer.signum(x.compareTo(y)));
                });
    }
}
