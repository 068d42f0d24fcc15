package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PodSpec whose containers are typed and whose other fields are kept as given. */
@PreserveUnknownFields
@ValidationRule(
    value = "self.containers.exists(c, c.name == 'trainer')",
    message = "the pod template needs a container named trainer",
    fieldPath = ".containers")
public class PodSpecTemplate {

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("The pod's containers; the one named trainer runs the trial.")
  private List<ContainerTemplate> containers;

  private final Map<String, Object> otherFields = new LinkedHashMap<>();

  public List<ContainerTemplate> getContainers() {
    return containers;
  }

  public void setContainers(List<ContainerTemplate> containers) {
    this.containers = containers;
  }

  @JsonAnyGetter
  public Map<String, Object> getOtherFields() {
    return otherFields;
  }

  @JsonAnySetter
  public void setOtherField(String name, Object value) {
    otherFields.put(name, value);
  }
}
