package dev.interleave.engine.race;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The race lab's rates in words. */
class LabWordsTest {

    /**
     * Every rate in the throughput table under a thousand million a second (whole millions from
     * there) has three significant figures at most and is the rate rounded at its last digit, also
     * just under a decade (99.96 M/s read "100.0" beside "102" and "99.2").
     */
    @Test
    void aRateInMillionsHasThreeSignificantFiguresAtMost() {
        for (double decade = 1e-4; decade <= 1e2; decade *= 10) {
            for (double m : new double[] {decade, decade * 0.9996, decade * 0.99949, decade * 0.995,
                    decade * 0.9951, decade * 0.9949, decade * 1.234, decade * 5.678, decade * 9.9}) {
                String words = LabWords.millions(m * 1e6);
                BigDecimal shown = new BigDecimal(words.replace(",", ""));
                String digits = shown.unscaledValue().abs().toString().replaceFirst("^0+", "");
                assertTrue(digits.length() <= 3, m + " M/s read " + words + ": more than three significant figures");
                double lastDigit = Math.pow(10, -shown.scale());
                assertTrue(Math.abs(shown.doubleValue() - m) <= lastDigit / 2 + 1e-12,
                        m + " M/s read " + words + ": not the rate rounded at its last digit");
            }
        }
    }
}
