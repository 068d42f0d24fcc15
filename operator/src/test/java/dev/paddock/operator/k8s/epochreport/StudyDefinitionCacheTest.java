package dev.paddock.operator.k8s.epochreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.api.v1alpha1.TrainingStudySpec;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyDefinitions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StudyDefinitionCacheTest {

  private final AtomicLong now = new AtomicLong();
  private final StudyDefinitionCache cache = new StudyDefinitionCache(now::get);
  private final AtomicInteger reads = new AtomicInteger();
  private final StudyDefinition definition = StudyDefinitions.from("s", spec());
  private final Supplier<StudyDefinition> read =
      () -> {
        reads.incrementAndGet();
        return definition;
      };

  @Test
  void theTrialsOfAStudyReadItOnceWithinTheTtl() {
    for (int trial = 0; trial < 1000; trial++) {
      assertThat(cache.get("ns", "s", "uid-1", read)).isSameAs(definition);
      now.addAndGet(1_000_000); // 1 ms between trials' first reports
    }
    assertThat(reads).hasValue(1);
  }

  @Test
  void aStudyIsReadAgainAfterTheTtlAndAfterItWasCreatedAgain() {
    cache.get("ns", "s", "uid-1", read);
    now.addAndGet(StudyDefinitionCache.TTL.toNanos());
    cache.get("ns", "s", "uid-1", read);
    assertThat(reads).hasValue(2);
    cache.get("ns", "s", "uid-2", read);
    assertThat(reads).hasValue(3);
    cache.get("other", "s", "uid-1", read);
    assertThat(reads).hasValue(4);
  }

  @Test
  void aFailedReadIsNotCached() {
    assertThatThrownBy(
            () ->
                cache.get(
                    "ns",
                    "gone",
                    "u",
                    () -> {
                      throw new IllegalStateException("no such study");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(cache.get("ns", "gone", "u", read)).isSameAs(definition);
    assertThat(reads).hasValue(1);
  }

  private static TrainingStudySpec spec() {
    String yaml =
        """
        objective: {metric: val_f1, direction: maximize}
        search:
          algorithm: random
          parameters:
            - {name: lr, float: {min: 1.0e-4, max: 1.0e-1, log: true}}
        budget: {maxTrials: 10, parallelism: 2}
        trial:
          epochs: 30
          template: {spec: {containers: [{name: trainer, image: t}]}}
        """;
    return new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
        .unmarshal(yaml, TrainingStudySpec.class);
  }
}
