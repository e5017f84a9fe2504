{{/*
The controller's settings as environment variables (ASP.NET Core: "Section__Key" is "Section:Key").
Everything secret comes from a Secret by reference (secretKeyRef); no secret value passes through values.
*/}}
{{- define "cloudmgmt.env" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: ORLEANS_SERVICE_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.labels['orleans/serviceId']
- name: ORLEANS_CLUSTER_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.labels['orleans/clusterId']
- name: ASPNETCORE_URLS
  value: {{ printf "http://+:%v" .Values.ports.http | quote }}
- name: CLOUDMGMT_DATA_DIR
  value: /var/lib/cloudmgmt
- name: Cluster__Mode
  value: postgres
- name: Cluster__ConnectionString
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.connectionStringKey }}
- name: Cluster__MigrateOnStart
  value: {{ .Values.database.migrateOnStart | quote }}
- name: Cluster__ClusterId
  value: {{ include "cloudmgmt.clusterId" . | quote }}
- name: Cluster__ServiceId
  value: {{ .Values.cluster.serviceId | quote }}
- name: Cluster__AdvertisedIP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: Cluster__KubernetesHosting
  value: "true"
- name: Cluster__ShutdownTimeout
  value: {{ include "cloudmgmt.timespan" .Values.cluster.shutdownTimeoutSeconds | quote }}
- name: Cluster__DrainDelay
  value: {{ include "cloudmgmt.timespan" .Values.cluster.drainDelaySeconds | quote }}
- name: Orleans__SiloPort
  value: {{ .Values.ports.silo | quote }}
- name: Orleans__GatewayPort
  value: {{ .Values.ports.gateway | quote }}
- name: CLOUDMGMT_ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.adminToken.existingSecret }}
      key: {{ .Values.adminToken.key }}
- name: Placement__PolicyFile
  value: /etc/cloudmgmt/policies/placement.yaml
{{- if include "cloudmgmt.elasticPolicy" . }}
- name: Elastic__PolicyFile
  value: /etc/cloudmgmt/policies/elastic.yaml
{{- end }}
{{- if .Values.metrics.allowAnonymous }}
- name: Metrics__AllowAnonymous
  value: "true"
{{- end }}
{{- range $key, $value := .Values.settings }}
- name: {{ $key | replace ":" "__" }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}
