package dev.paddock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cases of Kubernetes' own expansion test ({@code
 * third_party/forked/golang/expansion/expand_test.go}, {@code doExpansionTest}), with its
 * variables: the local runner must give a trainer the words the kubelet gives it.
 */
class VarExpansionTest {

  private static final Map<String, String> VARS =
      Map.of(
          "VAR_A", "A",
          "VAR_B", "B",
          "VAR_C", "C",
          "VAR_REF", "$(VAR_A)",
          "VAR_EMPTY", "");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          whole string                                    | $(VAR_A)                   | A
          repeat                                          | $(VAR_A)-$(VAR_A)          | A-A
          beginning                                       | $(VAR_A)-1                 | A-1
          middle                                          | ___$(VAR_B)___             | ___B___
          end                                             | ___$(VAR_C)                | ___C
          compound                                        | $(VAR_A)_$(VAR_B)_$(VAR_C) | A_B_C
          escape & expand                                 | $$(VAR_B)_$(VAR_A)         | $(VAR_B)_A
          compound escape                                 | $$(VAR_A)_$$(VAR_B)        | $(VAR_A)_$(VAR_B)
          mixed in escapes                                | f000-$$VAR_A               | f000-$VAR_A
          backslash escape ignored                        | foo\\$(VAR_C)bar           | foo\\Cbar
          two backslashes                                 | foo\\\\$(VAR_C)bar         | foo\\\\Cbar
          lots of backslashes                             | foo\\\\\\\\$(VAR_A)bar     | foo\\\\\\\\Abar
          nested var references                           | $(VAR_A$(VAR_B))           | $(VAR_A$(VAR_B))
          nested var references second type               | $(VAR_A$(VAR_B)            | $(VAR_A$(VAR_B)
          value is a reference                            | $(VAR_REF)                 | $(VAR_A)
          value is a reference x 2                        | %%$(VAR_REF)--$(VAR_REF)%% | %%$(VAR_A)--$(VAR_A)%%
          empty var                                       | foo$(VAR_EMPTY)bar         | foobar
          unterminated expression                         | foo$(VAR_Awhoops!          | foo$(VAR_Awhoops!
          expression without operator                     | f00__(VAR_A)__             | f00__(VAR_A)__
          shell special vars pass through                 | $?_boo_$!                  | $?_boo_$!
          bare operators are ignored                      | $VAR_A                     | $VAR_A
          undefined vars are passed through               | $(VAR_DNE)                 | $(VAR_DNE)
          multiple (even) operators, var undefined        | $$$$$$(BIG_MONEY)          | $$$(BIG_MONEY)
          multiple (even) operators, var defined          | $$$$$$(VAR_A)              | $$$(VAR_A)
          multiple (odd) operators, var undefined         | $$$$$$$(GOOD_ODDS)         | $$$$(GOOD_ODDS)
          multiple (odd) operators, var defined           | $$$$$$$(VAR_A)             | $$$A
          missing open expression                         | $VAR_A)                    | $VAR_A)
          shell syntax ignored                            | ${VAR_A}                   | ${VAR_A}
          trailing incomplete expression not consumed     | $(VAR_B)_______$(A         | B_______$(A
          trailing incomplete expression, no content      | $(VAR_C)_______$(          | C_______$(
          operator at end of input string is preserved    | $(VAR_A)foobarzab$         | Afoobarzab$
          shell escaped incomplete expr                   | foo-\\$(VAR_A              | foo-\\$(VAR_A
          lots of $( in middle                            | --$($($($($--              | --$($($($($--
          lots of $( in beginning                         | $($($($($--foo$(           | $($($($($--foo$(
          lots of $( at end                               | foo0--$($($($(             | foo0--$($($($(
          escaped operators in variable names not escaped | $(foo$$var)                | $(foo$$var)
          """)
  void expandsAsTheKubelet(String name, String input, String expected) {
    // In the text block \\ is one backslash, as in the Go test's string literals.
    assertThat(VarExpansion.expand(input, VARS)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void newlineAndEmptyAreKept() {
    assertThat(VarExpansion.expand("\n", VARS)).isEqualTo("\n");
    assertThat(VarExpansion.expand("", VARS)).isEmpty();
    assertThat(VarExpansion.expand(null, VARS)).isNull();
  }

  @org.junit.jupiter.api.Test
  void aParameterReachesTheCommandLine() {
    Map<String, String> env = TrainerEnv.paramVariables(Map.of("lr", "0.001", "batch_size", "32"));
    assertThat(VarExpansion.expand("--lr=$(PADDOCK_PARAM_LR)", env)).isEqualTo("--lr=0.001");
    assertThat(VarExpansion.expand("$(PADDOCK_PARAM_BATCH_SIZE)", env)).isEqualTo("32");
  }
}
