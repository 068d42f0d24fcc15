package dev.paddock.operator.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ValueFormatTest {

  @Test
  void floatsHaveOneShortPlainSpelling() {
    assertThat(ValueFormat.formatFloat(0.00031)).isEqualTo("0.00031");
    assertThat(ValueFormat.formatFloat(1e-5)).isEqualTo("0.00001");
    assertThat(ValueFormat.formatFloat(2.0)).isEqualTo("2");
    assertThat(ValueFormat.formatFloat(20.0)).isEqualTo("20");
    assertThat(ValueFormat.formatFloat(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(ValueFormat.formatFloat(-1.23456789)).isEqualTo("-1.23457");
    assertThat(ValueFormat.formatFloat(1.5e-7)).isEqualTo("1.5E-7");
    assertThat(ValueFormat.formatFloat(-0.0)).isEqualTo("0");
  }

  @Test
  void formattingIgnoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(ValueFormat.formatFloat(0.5)).isEqualTo("0.5");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void everySpellingParsesBackToTheSameText() {
    double[] values = {1e-9, 3.3e-7, 0.000123456, 0.5, 1, 123.456, 9.99999e8, 1.2345e12, -4.5};
    for (double v : values) {
      String text = ValueFormat.formatFloat(v);
      assertThat(ValueFormat.formatFloat(Double.parseDouble(text))).isEqualTo(text);
    }
  }

  @Test
  void intsAcceptIntegralFloatSpellings() {
    assertThat(ValueFormat.parseInt("256")).isEqualTo(256);
    assertThat(ValueFormat.parseInt("256.0")).isEqualTo(256);
    assertThat(ValueFormat.parseInt("1e3")).isEqualTo(1000);
    assertThatThrownBy(() -> ValueFormat.parseInt("2.5")).hasMessageContaining("not an integer");
    assertThatThrownBy(() -> ValueFormat.parseFloat("NaN")).hasMessageContaining("finite");
  }
}
