{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "paddock.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: <release>-paddock, or the release name alone when it already contains "paddock".
Truncated to 63 characters: it names a Service, so it must be a DNS label.
*/}}
{{- define "paddock.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "paddock.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "paddock.selectorLabels" -}}
app.kubernetes.io/name: {{ include "paddock.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "paddock.labels" -}}
helm.sh/chart: {{ include "paddock.chart" . }}
{{ include "paddock.selectorLabels" . }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: paddock
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "paddock.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "paddock.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "paddock.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "paddock.trainerImage" -}}
{{- printf "%s:%s" .Values.trainer.image.repository (default .Chart.AppVersion .Values.trainer.image.tag) }}
{{- end }}

{{/* The report endpoint as trial pods reach it. */}}
{{- define "paddock.reportUrl" -}}
{{- if .Values.operator.reportUrl }}
{{- .Values.operator.reportUrl }}
{{- else }}
{{- printf "http://%s.%s.svc:%d/v1/report" (include "paddock.fullname" .) .Release.Namespace (int .Values.service.reportPort) }}
{{- end }}
{{- end }}

{{- define "paddock.reportKeySecret" -}}
{{- default (printf "%s-report-key" (include "paddock.fullname" .)) .Values.reportKey.existingSecret }}
{{- end }}

{{- define "paddock.leaseName" -}}
{{- printf "%s-leader" (include "paddock.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The rules the operator needs on the namespaces it watches: the same list for the ClusterRole
(cluster-wide mode) and for each Role (namespaced mode). No Secrets: store credentials and the
report key reach the operator as environment variables (secretKeyRef, resolved by the kubelet),
and trial pods reference the store Secret by name.
*/}}
{{- define "paddock.rules" -}}
# Only the verbs the operator's client calls use (HelmChartIT/ChartSecurityIT compare
# `kubectl auth can-i --list` with a reviewed list). `update` on studies: the finalizer of the
# study's cleanup; Trials are annotated and retired with patch and delete.
- apiGroups: [paddock.dev]
  resources: [trainingstudies]
  verbs: [get, list, watch, update, patch]
- apiGroups: [paddock.dev]
  resources: [modeldeployments]
  verbs: [get, list, watch]
- apiGroups: [paddock.dev]
  resources: [trials]
  verbs: [get, list, watch, create, patch, delete]
- apiGroups: [paddock.dev]
  resources: [trainingstudies/status, trials/status, modeldeployments/status]
  verbs: [get, update, patch]
# Owner references with blockOwnerDeletion (Trials of a study, Jobs of a trial, serving objects).
- apiGroups: [paddock.dev]
  resources: [trainingstudies/finalizers, trials/finalizers, modeldeployments/finalizers]
  verbs: [update]
# Jobs are created and given their TTL (patch); the garbage collector deletes them with their trial.
- apiGroups: [batch]
  resources: [jobs]
  verbs: [get, list, watch, create, patch]
# A trial's pods are listed when its Job says they changed; the operator never watches them.
- apiGroups: [""]
  resources: [pods]
  verbs: [list]
# Serving objects are server-side applied (create, patch); a failed canary is deleted.
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, create, patch, delete]
- apiGroups: [""]
  resources: [services]
  verbs: [get, list, watch, create, patch]
# Events are written through events.k8s.io/v1 only, each once.
- apiGroups: [events.k8s.io]
  resources: [events]
  verbs: [create]
# Kueue, read only: why a trial's suspended Job waits (its Workload's conditions) and which
# ClusterQueue its LocalQueue feeds. Without Kueue installed these reads find nothing.
- apiGroups: [kueue.x-k8s.io]
  resources: [workloads]
  verbs: [list]
- apiGroups: [kueue.x-k8s.io]
  resources: [localqueues]
  verbs: [get]
{{- end }}
