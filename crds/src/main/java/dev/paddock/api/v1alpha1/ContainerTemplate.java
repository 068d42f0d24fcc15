package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container of a pod template; fields other than these pass through as given. */
@PreserveUnknownFields
public class ContainerTemplate {

  @Required
  @Size(max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Container name (a DNS label).")
  private String name;

  @JsonPropertyDescription("Container image, e.g. paddock/trainer:0.1.0.")
  private String image;

  @JsonPropertyDescription("Entrypoint override.")
  private List<String> command;

  @JsonPropertyDescription("Arguments, e.g. [train, --data, s3://datasets/churn.csv].")
  private List<String> args;

  private final Map<String, Object> otherFields = new LinkedHashMap<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public List<String> getCommand() {
    return command;
  }

  public void setCommand(List<String> command) {
    this.command = command;
  }

  public List<String> getArgs() {
    return args;
  }

  public void setArgs(List<String> args) {
    this.args = args;
  }

  @JsonAnyGetter
  public Map<String, Object> getOtherFields() {
    return otherFields;
  }

  @JsonAnySetter
  public void setOtherField(String field, Object value) {
    otherFields.put(field, value);
  }
}
