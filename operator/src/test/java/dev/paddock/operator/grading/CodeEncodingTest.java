package dev.paddock.operator.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeEncodingTest {

  @Test
  void integers() {
    assertThat(CodeEncoding.encodeInt(1024)).isEqualTo("1024");
    assertThat(CodeEncoding.encodeInt(4096)).isEqualTo("4K");
    assertThat(CodeEncoding.encodeInt(2048)).isEqualTo("2K");
    assertThat(CodeEncoding.encodeInt(3000)).isEqualTo("3000");
    assertThat(CodeEncoding.encodeInt(4 * 1024 * 1024)).isEqualTo("4M");
    assertThat(CodeEncoding.encodeInt(123456)).isEqualTo("12X4");
    assertThat(CodeEncoding.encodeInt(-3)).isEqualTo("n3");
    assertThat(CodeEncoding.decodeInt("4K")).isEqualTo(4096);
    assertThat(CodeEncoding.decodeInt("n3")).isEqualTo(-3);
    assertThat(CodeEncoding.decodeInt("12X4")).isEqualTo(120000);
  }

  @Test
  void floats() {
    assertThat(CodeEncoding.encodeFloat(2e-6)).isEqualTo("2E6");
    assertThat(CodeEncoding.encodeFloat(0.00031)).isEqualTo("31E5");
    assertThat(CodeEncoding.encodeFloat(0.0003)).isEqualTo("3E4");
    assertThat(CodeEncoding.encodeFloat(0.98)).isEqualTo("98");
    assertThat(CodeEncoding.encodeFloat(0.05)).isEqualTo("05");
    assertThat(CodeEncoding.encodeFloat(0.5)).isEqualTo("5");
    assertThat(CodeEncoding.encodeFloat(2.5)).isEqualTo("2P5");
    assertThat(CodeEncoding.encodeFloat(3.0)).isEqualTo("3P");
    assertThat(CodeEncoding.encodeFloat(250000)).isEqualTo("25X4");
    assertThat(CodeEncoding.encodeFloat(-0.214)).isEqualTo("n21");
    assertThat(CodeEncoding.encodeFloat(0)).isEqualTo("0");
    assertThat(CodeEncoding.decodeFloat("31E5")).isEqualTo(3.1e-4);
    assertThat(CodeEncoding.decodeFloat("98")).isEqualTo(0.98);
    assertThat(CodeEncoding.decodeFloat("05")).isEqualTo(0.05);
    assertThat(CodeEncoding.decodeFloat("2P5")).isEqualTo(2.5);
    assertThat(CodeEncoding.decodeFloat("3P")).isEqualTo(3.0);
    assertThat(CodeEncoding.decodeFloat("n21")).isEqualTo(-0.21);
  }

  @Test
  void text() {
    assertThat(CodeEncoding.encodeText("512,256,128")).isEqualTo("512x3");
    assertThat(CodeEncoding.encodeText("4096, 4096")).isEqualTo("4Kx2");
    assertThat(CodeEncoding.encodeText("relu")).isEqualTo("relu");
    assertThat(CodeEncoding.encodeText("adam_w/β2")).isEqualTo("adamw2");
    assertThat(CodeEncoding.encodeText("a-very-long-optimizer-name-indeed")).hasSize(16);
    assertThat(CodeEncoding.encodeText("---")).isEqualTo("x");
    assertThat(CodeEncoding.encodeText("0.1")).isEqualTo("1");
  }
}
