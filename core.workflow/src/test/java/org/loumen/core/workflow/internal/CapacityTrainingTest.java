package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CapacityTrainingTest {

    @Test
    void hoursAreTenthsFromHalfAnHourToAWorkingDay() {
        assertEquals(15, CapacityTraining.tenths(new BigDecimal("1.5")));
        assertEquals(5, CapacityTraining.tenths(new BigDecimal("0.50")));
        assertEquals(80, CapacityTraining.tenths(new BigDecimal("8")));
        assertEquals(-1, CapacityTraining.tenths(new BigDecimal("0.4")));
        assertEquals(-1, CapacityTraining.tenths(new BigDecimal("8.1")));
        assertEquals(-1, CapacityTraining.tenths(new BigDecimal("1.25")), "hundredths are refused, not rounded");
        assertEquals(-1, CapacityTraining.tenths(null));
        assertEquals(new BigDecimal("2.5"), CapacityTraining.hours(25));
    }

    @Test
    void coverageIsAPercentageWithTwoDecimalsHalfUp() {
        assertEquals(new BigDecimal("66.67"), CapacityTraining.coverage(2, 3));
        assertEquals(new BigDecimal("33.33"), CapacityTraining.coverage(1, 3));
        assertEquals(new BigDecimal("100.00"), CapacityTraining.coverage(4, 4));
        assertEquals(new BigDecimal("0.00"), CapacityTraining.coverage(0, 0), "none serving: 0.00, not a division by zero");
        assertEquals(new BigDecimal("0.13"), CapacityTraining.coverage(1, 800), "0.125 rounds half up");
    }
}
