{{/* Chart name, truncated to the 63 characters Kubernetes allows in names and labels. */}}
{{- define "cloudmgmt.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "cloudmgmt.fullname" -}}
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

{{- define "cloudmgmt.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "cloudmgmt.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "cloudmgmt.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cloudmgmt.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: controller
{{- end }}

{{/* Orleans Kubernetes hosting reads the silo's ServiceId and ClusterId from these pod labels. */}}
{{- define "cloudmgmt.clusterId" -}}
{{- default (include "cloudmgmt.fullname" .) .Values.cluster.clusterId }}
{{- end }}

{{- define "cloudmgmt.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "cloudmgmt.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "cloudmgmt.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The placement policy: the values' text, or the shipped default kept in files/. */}}
{{- define "cloudmgmt.placementPolicy" -}}
{{- if .Values.policies.placement }}
{{- .Values.policies.placement }}
{{- else }}
{{- .Files.Get "files/policies/placement/default.yaml" }}
{{- end }}
{{- end }}

{{/* The elastic policy: the values' text, else a shipped default if the chart carries one, else none. */}}
{{- define "cloudmgmt.elasticPolicy" -}}
{{- if .Values.policies.elastic }}
{{- .Values.policies.elastic }}
{{- else }}
{{- .Files.Get "files/policies/elastic/default.yaml" }}
{{- end }}
{{- end }}

{{/* Seconds as a .NET TimeSpan ("hh:mm:ss"): a bare number would be read as days. */}}
{{- define "cloudmgmt.timespan" -}}
{{- $s := int . }}
{{- printf "%02d:%02d:%02d" (div $s 3600) (mod (div $s 60) 60) (mod $s 60) }}
{{- end }}
