package dev.paddock.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help} of every command, rendered for an 80-column terminal: no line is wider, and every
 * description line is whole sentences that picocli prints on one line, never cut mid-sentence.
 */
class HelpTextTest {

  private static final int WIDTH = 80;

  @Test
  void everyHelpLineFitsIn80Columns() {
    for (CommandLine command : commands()) {
      assertThat(usage(command).lines())
          .as("paddock %s --help", command.getCommandName())
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(WIDTH));
    }
  }

  @Test
  void everyDescriptionLineIsWholeSentencesPrintedOnOneLine() {
    for (CommandLine command : commands()) {
      List<String> lines = usage(command).lines().map(String::strip).toList();
      for (String description : descriptions(command)) {
        assertThat(description)
            .as("a description line of paddock %s", command.getCommandName())
            .endsWith(".");
        assertThat(lines)
            .as("paddock %s --help prints %s on one line", command.getCommandName(), description)
            .anySatisfy(line -> assertThat(line).endsWith(description));
      }
    }
  }

  /** The command's own description, its options' and parameters', and its subcommands' firsts. */
  private static List<String> descriptions(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    List<String> all = new ArrayList<>(List.of(spec.usageMessage().description()));
    for (ArgSpec arg : spec.args()) {
      all.addAll(List.of(arg.description()));
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      all.add(sub.getCommandSpec().usageMessage().description()[0]);
    }
    return all;
  }

  private static List<CommandLine> commands() {
    CommandLine root = Paddock.commandLine();
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    all.addAll(root.getSubcommands().values());
    return all;
  }

  private static String usage(CommandLine command) {
    command.setUsageHelpAutoWidth(false);
    command.setUsageHelpWidth(WIDTH);
    return command.getUsageMessage(Ansi.OFF);
  }
}
