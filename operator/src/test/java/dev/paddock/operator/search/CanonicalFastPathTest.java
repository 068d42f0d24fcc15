package dev.paddock.operator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueFormat#isCanonicalPlain} lets {@link FloatParameter#canonical} skip the exact decimal
 * expansion; it must only ever say yes when the slow path gives the text back unchanged.
 */
class CanonicalFastPathTest {

  @Test
  void recognizesOnlyCanonicalPlainSpellings() {
    for (String yes : new String[] {"0.5", "-0.5", "3", "-3", "0.00031", "123456000", "0.000001"}) {
      assertThat(ValueFormat.isCanonicalPlain(yes, Double.parseDouble(yes))).as(yes).isTrue();
    }
    for (String no :
        new String[] {
          "0.50",
          "00.5",
          ".5",
          "5.",
          "+0.5",
          " 0.5",
          "1.234567",
          "1234567",
          "1e-3",
          "1E+9",
          "0.0000001",
          "1000000000",
          "0",
          "-0",
          "0.0",
          "1.5E-7",
          "0x1p3",
          "1_0",
          "--1",
          "-",
          "."
        }) {
      double value;
      try {
        value = Double.parseDouble(no);
      } catch (NumberFormatException e) {
        value = 1.0;
      }
      assertThat(ValueFormat.isCanonicalPlain(no, value)).as(no).isFalse();
    }
  }

  /** Decimals of 1 to 8 digits at every magnitude: the fast path agrees with the slow one. */
  @Test
  void agreesWithTheExactRoundingOnManyDecimals() {
    TrialRandom random = TrialRandom.seeded(2024);
    FloatParameter wide = FloatParameter.linear("x", -1e12, 1e12);
    int fast = 0;
    for (int i = 0; i < 200_000; i++) {
      int digits = 1 + random.nextInt(8);
      int exponent = random.nextInt(20) - 10;
      double raw = (random.nextDouble() - 0.5) * StrictMath.pow(10, exponent);
      if (raw == 0) {
        continue;
      }
      BigDecimal decimal = new BigDecimal(raw).round(new MathContext(digits, RoundingMode.HALF_UP));
      for (String text : new String[] {decimal.toPlainString(), decimal.toString()}) {
        double value = Double.parseDouble(text);
        String slow = ValueFormat.formatFloat(value);
        if (ValueFormat.isCanonicalPlain(text, value)) {
          assertThat(slow).as(text).isEqualTo(text);
          fast++;
        }
        assertThat(wide.canonical(text)).as(text).isEqualTo(slow);
      }
    }
    assertThat(fast).as("decimals taking the fast path").isGreaterThan(50_000);
  }

  /** At the bounds, the fast path yields to the rounding towards the inside. */
  @Test
  void valuesAtTheBoundsStillClamp() {
    FloatParameter p = FloatParameter.linear("x", 0.1, 0.3);
    assertThat(p.canonical("0.1")).isEqualTo("0.1");
    assertThat(p.canonical("0.3")).isEqualTo("0.3");
    assertThat(p.canonical("0.30000000001")).isEqualTo("0.3");
    FloatParameter log = FloatParameter.logScale("lr", 1e-5, 1e-1);
    assertThat(log.canonical("0.00001")).isEqualTo("0.00001");
    assertThat(log.canonical("0.1")).isEqualTo("0.1");
  }
}
