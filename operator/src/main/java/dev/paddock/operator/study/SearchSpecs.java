package dev.paddock.operator.study;

import dev.paddock.api.v1alpha1.EnsembleSpec;
import dev.paddock.api.v1alpha1.FloatRange;
import dev.paddock.api.v1alpha1.IntRange;
import dev.paddock.api.v1alpha1.SearchAlgorithm;
import dev.paddock.api.v1alpha1.SearchSpec;
import dev.paddock.api.v1alpha1.TpeSettings;
import dev.paddock.operator.search.Algorithm;
import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.EnsembleSettings;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.ParameterSpec;
import dev.paddock.operator.search.SearchSpace;
import dev.paddock.operator.search.StudySearch;
import java.util.List;
import java.util.Objects;

/** Reads {@code spec.search} into the samplers' {@link StudySearch}. */
final class SearchSpecs {

  private SearchSpecs() {}

  static StudySearch from(SearchSpec spec) {
    List<dev.paddock.api.v1alpha1.ParameterSpec> parameters =
        Objects.requireNonNullElse(spec.parameters(), List.of());
    SearchSpace space = new SearchSpace(parameters.stream().map(SearchSpecs::parameter).toList());
    boolean ensemble = spec.algorithm() == SearchAlgorithm.ENSEMBLE;
    return new StudySearch(
        ensemble ? Algorithm.RANDOM : Algorithm.parse(spec.algorithm().name()),
        Objects.requireNonNullElse(spec.seed(), 0L),
        space,
        spec.initial(),
        tpe(spec.tpe()),
        ensemble ? ensemble(spec.ensemble()) : null);
  }

  private static ParameterSpec parameter(dev.paddock.api.v1alpha1.ParameterSpec p) {
    if (p.floatRange() != null) {
      FloatRange f = p.floatRange();
      return new FloatParameter(p.name(), f.min(), f.max(), Boolean.TRUE.equals(f.log()), f.step());
    }
    if (p.intRange() != null) {
      IntRange i = p.intRange();
      return new IntParameter(
          p.name(),
          i.min(),
          i.max(),
          Objects.requireNonNullElse(i.step(), 1L),
          Boolean.TRUE.equals(i.log()));
    }
    if (p.categorical() != null) {
      return new CategoricalParameter(p.name(), p.categorical());
    }
    throw new IllegalArgumentException(
        "parameter " + p.name() + " must have exactly one of float, int or categorical");
  }

  private static dev.paddock.operator.search.TpeSettings tpe(TpeSettings tpe) {
    var defaults = dev.paddock.operator.search.TpeSettings.DEFAULTS;
    if (tpe == null) {
      return defaults;
    }
    return new dev.paddock.operator.search.TpeSettings(
        Objects.requireNonNullElse(tpe.startupTrials(), defaults.startupTrials()),
        Objects.requireNonNullElse(tpe.candidates(), defaults.candidates()),
        Objects.requireNonNullElse(tpe.gamma(), defaults.gamma()),
        Objects.requireNonNullElse(tpe.priorWeight(), defaults.priorWeight()),
        Objects.requireNonNullElse(tpe.constantLiar(), defaults.constantLiar()),
        Objects.requireNonNullElse(tpe.multivariate(), defaults.multivariate()));
  }

  private static EnsembleSettings ensemble(EnsembleSpec ensemble) {
    if (ensemble == null) {
      throw new IllegalArgumentException("search.algorithm ensemble needs search.ensemble");
    }
    return new EnsembleSettings(ensemble.size(), ensemble.parameters(), ensemble.seedParameter());
  }
}
