package dev.paddock.contract.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsParserTest {

  private static MetricsParser parser(MetricsFormat format) {
    return MetricsParser.of(MetricsSpec.of(format));
  }

  @Test
  void keyValueLinesAmongAnOrdinaryLog() {
    String log =
        """
        Loading data from /data/train.csv (12000 rows)
        Using device: cpu
        epoch=1 loss=0.6931 acc=0.51
        epoch=2 loss=0.5120, acc=0.74 lr=1e-3
        [epoch=3/10 | loss=0.41 ; acc=0.88] eta=3s
        saved checkpoint to ckpt/epoch_3.pt
        """;
    List<EpochMetrics> epochs = parser(MetricsFormat.KEY_VALUE).text(log);
    assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
    assertThat(epochs.get(1).metrics())
        .containsExactly(Map.entry("loss", 0.512), Map.entry("acc", 0.74), Map.entry("lr", 0.001));
    // "eta=3s" is not a number token: no metric.
    assertThat(epochs.get(2).metrics()).containsOnlyKeys("loss", "acc");
  }

  @Test
  void tqdmProgressBarsWithCarriageReturnsAreNotEpochs() {
    String log =
        "Epoch 1:   0%|          | 0/50 [00:00<?, ?it/s]\r"
            + "Epoch 1:  48%|####8     | 24/50 [00:01<00:01, 23.1it/s, loss=0.93]\r"
            + "Epoch 1: 100%|##########| 50/50 [00:02<00:00, 24.0it/s, loss=0.71]\n"
            + "epoch=1 loss=0.70 val_loss=0.74\n"
            + "Epoch 2:  52%|#####2    | 26/50 [00:01<00:01, 23.9it/s, loss=0.55]\r"
            + "epoch=2 loss=0.52 val_loss=0.60\r\n";
    List<EpochMetrics> epochs = parser(MetricsFormat.KEY_VALUE).text(log);
    assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2);
    assertThat(epochs.get(0).metrics())
        .containsExactly(Map.entry("loss", 0.70), Map.entry("val_loss", 0.74));
  }

  @Test
  void interleavedStderrDoesNotCutStdoutLines() {
    MetricsParser parser = parser(MetricsFormat.KEY_VALUE);
    LineSplitter out = new LineSplitter();
    LineSplitter err = new LineSplitter();
    List<EpochMetrics> found = new ArrayList<>();
    feed(parser, out.accept("epoch=1 lo"), found);
    feed(parser, err.accept("UserWarning: epoch=1 is deprecated\nwarn"), found);
    feed(parser, out.accept("ss=0.5 acc=0.8\nepoch=2 loss=0.4"), found);
    feed(parser, err.accept("ing: lr=0.1\n"), found);
    feed(parser, out.accept(" acc=0.9\n"), found);
    assertThat(found).extracting(EpochMetrics::epoch).containsExactly(1, 1, 2);
    assertThat(parser.epochs())
        .containsEntry(1, Map.of("loss", 0.5, "acc", 0.8))
        .containsEntry(2, Map.of("loss", 0.4, "acc", 0.9));
  }

  @Test
  void aPartialLastLineWaitsForTheEndOfTheStream() {
    MetricsParser parser = parser(MetricsFormat.KEY_VALUE);
    LineSplitter splitter = new LineSplitter();
    assertThat(splitter.accept("epoch=1 loss=0.5\nepoch=2 loss=0."))
        .containsExactly("epoch=1 loss=0.5");
    // Read now, "loss=0." would be a wrong value; the line is complete only at the end.
    assertThat(splitter.finish()).containsExactly("epoch=2 loss=0.");
    assertThat(parser.text("epoch=1 loss=0.5\nepoch=2 loss=0.4"))
        .extracting(EpochMetrics::epoch)
        .containsExactly(1, 2);
  }

  @Test
  void nanAndInfinityAreReadAndLeftOutOfFiniteValues() {
    List<EpochMetrics> epochs =
        parser(MetricsFormat.KEY_VALUE)
            .text("epoch=1 loss=nan acc=0.5\nepoch=2 loss=inf grad=-Infinity acc=NaN\n");
    assertThat(epochs.get(0).metrics().get("loss")).isNaN();
    assertThat(epochs.get(1).metrics())
        .containsEntry("loss", Double.POSITIVE_INFINITY)
        .containsEntry("grad", Double.NEGATIVE_INFINITY);
    assertThat(epochs.get(0).finite()).containsOnlyKeys("acc");
    assertThat(epochs.get(1).finite()).isEmpty();
  }

  @Test
  void missingKeysGiveWhatIsThereAndNoEpochGivesNothing() {
    List<EpochMetrics> epochs =
        parser(MetricsFormat.KEY_VALUE)
            .text("loss=0.3 acc=0.9\nepoch=1\nepoch=2 acc=0.7\nepoch=2.5 acc=0.1\nepoch=x acc=1\n");
    assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2);
    assertThat(epochs.get(0).metrics()).isEmpty();
    assertThat(epochs.get(1).metrics()).containsOnlyKeys("acc");
  }

  @Test
  void duplicatedEpochsMergeTheLatestWinning() {
    List<EpochMetrics> epochs =
        parser(MetricsFormat.KEY_VALUE)
            .text("epoch=1 loss=0.6\nepoch=1 val_loss=0.7\nepoch=2 loss=0.5\nepoch=1 loss=0.59\n");
    assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(1, 1, 2, 1);
    assertThat(epochs.get(3).metrics())
        .containsExactly(Map.entry("loss", 0.59), Map.entry("val_loss", 0.7));
  }

  @Test
  void jsonLinesAmongPrints() {
    String log =
        """
        starting run
        {"epoch": 1, "loss": 0.5, "phase": "train", "lr": "1e-3"}
        {"epoch": 2, "loss": NaN, "val": {"nested": 1}}
        {"epoch": 3, "loss": 0.3
        {not json}
        {"epoch": 3.0, "loss": Infinity, "acc": 0.9}
        """;
    List<EpochMetrics> epochs = parser(MetricsFormat.JSON).text(log);
    assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
    assertThat(epochs.get(0).metrics())
        .containsExactly(Map.entry("loss", 0.5), Map.entry("lr", 0.001));
    assertThat(epochs.get(1).metrics().get("loss")).isNaN();
    assertThat(epochs.get(2).metrics()).containsEntry("loss", Double.POSITIVE_INFINITY);
  }

  @Test
  void regexWithPythonStyleGroupsAndUnderscores() {
    MetricsParser parser =
        MetricsParser.of(
            new MetricsSpec(
                MetricsFormat.REGEX,
                "ep",
                "Epoch (?P<ep>\\d+)/\\d+ .*val_loss: (?<val_loss>\\S+) .*sharpe (?<sharpe>\\S+)"));
    List<EpochMetrics> epochs =
        parser.text(
            "Epoch 1/10 - train_loss: 0.9 - val_loss: 0.8 - sharpe 1.2\n"
                + "Epoch 2/10 - val_loss: nan - sharpe -inf\n"
                + "Epoch 3/10 - nothing here\n");
    assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2);
    assertThat(epochs.get(0).metrics())
        .containsExactly(Map.entry("val_loss", 0.8), Map.entry("sharpe", 1.2));
    assertThat(epochs.get(1).metrics().get("val_loss")).isNaN();
  }

  @Test
  void aBadPatternIsRefusedWithItsReason() {
    assertThatThrownBy(
            () -> MetricsParser.of(new MetricsSpec(MetricsFormat.REGEX, null, "(?<epoch>\\d+")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid regular expression");
    assertThatThrownBy(() -> MetricsParser.of(new MetricsSpec(MetricsFormat.REGEX, null, "\\d+")))
        .hasMessageContaining("no named group");
  }

  @Test
  void csvLikeEpochMetricsCsvRewrittenEachEpoch() {
    MetricsParser parser = parser(MetricsFormat.CSV);
    String first = "epoch,train_loss,val_loss,val_acc\n1,0.69,0.71,0.52\n";
    String rewritten = first + "2,0.51,0.55,0.74\n3,0.40,,0.81\n4,0.35,0.4";
    parser.text(first);
    List<EpochMetrics> again = parser.text(rewritten);
    assertThat(again).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
    assertThat(again.get(2).metrics()).containsOnlyKeys("train_loss", "val_acc");
    assertThat(parser.epochs()).hasSize(4);
  }

  @Test
  void csvWithoutAnEpochColumnNumbersItsRowsAndQuotesCells() {
    List<EpochMetrics> epochs =
        parser(MetricsFormat.CSV).text("\"loss, total\",acc,note\n0.5,0.8,\"a, b\"\n0.4,0.85,c\n");
    assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2);
    assertThat(epochs.get(0).metrics())
        .containsExactly(Map.entry("loss, total", 0.5), Map.entry("acc", 0.8));
  }

  private static void feed(MetricsParser parser, List<String> lines, List<EpochMetrics> found) {
    lines.forEach(l -> parser.line(l).ifPresent(found::add));
  }

  @Test
  void garbledMetricsLinesAreCountedNotPassedOverInSilence() {
    MetricsParser keyValue = parser(MetricsFormat.KEY_VALUE);
    keyValue.text(
        """
        epoch=1 loss=0.5
        epoch=two loss=0.4
        epoch= loss=0.3
        saved ckpt/epoch_3.pt
        """);
    assertThat(keyValue.epochs()).containsOnlyKeys(1);
    assertThat(keyValue.unreadableCount()).isEqualTo(2);
    assertThat(keyValue.unreadableExamples())
        .containsExactly("epoch=two loss=0.4", "epoch= loss=0.3");

    MetricsParser json = parser(MetricsFormat.JSON);
    json.text("{\"epoch\": 1, \"loss\": 0.5}\n{\"epoch\": 2, \"loss\": 0.\n{\"step\": 7}\n");
    assertThat(json.epochs()).containsOnlyKeys(1);
    assertThat(json.unreadableCount())
        .as("a cut line; a line without the epoch key is another line")
        .isEqualTo(1);

    MetricsParser regex =
        MetricsParser.of(
            new MetricsSpec(MetricsFormat.REGEX, null, "ep (?<epoch>\\d+) f1=(?<f1>\\S+)"));
    regex.text("epoch=5 is not this format\nep 1 f1=0.4\n");
    assertThat(regex.unreadableCount()).as("other lines, for a pattern").isZero();
  }
}
