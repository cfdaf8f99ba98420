package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServiceLevelTest {

    @ParameterizedTest
    @CsvSource({"0.5,0", "0.8,0.8416212", "0.9,1.2815516", "0.95,1.6448536", "0.975,1.9599640", "0.99,2.3263479",
        "0.999,3.0902323", "0.05,-1.6448536", "0.001,-3.0902323"})
    void knownQuantiles(double p, double z) {
        assertThat(ServiceLevel.z(p)).isCloseTo(z, within(1e-6));
    }

    /** The standard normal CDF by Simpson's rule on the density, independent of the approximation. */
    private static double cdf(double z) {
        int steps = 20_000;
        double h = z / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double x = i * h;
            double weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.exp(-x * x / 2);
        }
        return 0.5 + sum * h / 3 / Math.sqrt(2 * Math.PI);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0001, 0.01, 0.02425, 0.1, 0.3, 0.6, 0.85, 0.95, 0.97575, 0.995, 0.9999})
    void invertsTheNormalDistribution(double p) {
        assertThat(cdf(ServiceLevel.z(p))).isCloseTo(p, within(1e-8));
    }

    @Test
    void isIncreasingAndSymmetric() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < 1000; i++) {
            double p = i / 1000.0;
            double z = ServiceLevel.z(p);
            assertThat(z).isGreaterThan(previous);
            assertThat(z).isCloseTo(-ServiceLevel.z(1 - p), within(1e-8));
            previous = z;
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
    void rejectsLevelsOutsideTheOpenInterval(double p) {
        assertThatThrownBy(() -> ServiceLevel.z(p)).isInstanceOf(IllegalArgumentException.class);
    }
}
