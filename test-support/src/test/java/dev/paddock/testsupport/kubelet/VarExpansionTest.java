package dev.paddock.testsupport.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VarExpansionTest {

  private static final Map<String, String> VARS = Map.of("POD_IP", "127.0.3.4", "A", "x");

  @Test
  void definedVariablesAreReplaced() {
    assertThat(VarExpansion.expand("--bind $(POD_IP):$(A)", VARS)).isEqualTo("--bind 127.0.3.4:x");
  }

  @Test
  void undefinedVariablesStayAsWritten() {
    assertThat(VarExpansion.expand("$(NOPE)/$(A)", VARS)).isEqualTo("$(NOPE)/x");
  }

  @Test
  void aDoubleDollarEscapesTheReference() {
    assertThat(VarExpansion.expand("$$(A) $$$$ $1 $", VARS)).isEqualTo("$(A) $$ $1 $");
  }

  @Test
  void anUnclosedReferenceStaysAsWritten() {
    assertThat(VarExpansion.expand("$(A", VARS)).isEqualTo("$(A");
  }
}
