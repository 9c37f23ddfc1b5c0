/**
 * Generated DaemonSet manifests, one generator for everything that needs sample text: the
 * server's warm-up (warmUp.ts) analyses them before the first file is opened, the benchmarks
 * (scripts/bench) and the fuzz run measure on them, tests check their sizes. Pure text; no
 * randomness (variety comes from the index).
 */

/** A DaemonSet touching the common fields: what the parser, rules and engine see most. */
export const warmUpText = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: warm-up
  namespace: kube-system
  labels:
    app.kubernetes.io/name: warm-up
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: warm-up
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: warm-up
    spec:
      priorityClassName: system-node-critical
      hostNetwork: true
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      containers:
        - name: agent
          image: "registry.example.com/agent:1.2.3"
          args: ["--port=9100", '--verbose']
          ports:
            - containerPort: 9100
              protocol: TCP
          env:
            - {name: NODE_NAME, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
          resources:
            requests: {cpu: 50m, memory: 64Mi}
            limits:
              memory: 128Mi
          volumeMounts:
            - name: proc
              mountPath: /host/proc
              readOnly: true
      volumes:
        - name: proc
          hostPath:
            path: /proc
`;

/**
 * A realistic DaemonSet of 60 lines (66 with `annotated`), numbered `i` for variety; `typo`
 * misspells `maxUnavailable`.
 */
export function daemonSetText(i: number, typo = false, annotated = false): string {
  const annotations = annotated
    ? `  annotations:
    owner: team-${i % 13}
    runbook: https://runbooks.example.com/agent-${i}
    deployed-by: ci
    change-ticket: CHG-${10000 + i}
    description: "Node agent ${i}, one pod per node"
`
    : '';
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent-${i}
  namespace: monitoring
${annotations}  labels:
    app.kubernetes.io/name: agent-${i}
    app.kubernetes.io/part-of: observability
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: agent-${i}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      ${typo ? 'maxUnavilable' : 'maxUnavailable'}: 10%
  minReadySeconds: 5
  template:
    metadata:
      labels:
        app.kubernetes.io/name: agent-${i}
    spec:
      serviceAccountName: agent
      priorityClassName: system-node-critical
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
        - operator: Exists
          effect: NoExecute
      containers:
        - name: agent
          image: registry.example.com/agent:${1 + (i % 9)}.0.${i % 7}
          args: ["--port=${9100 + (i % 50)}", "--log-level=info"]
          ports:
            - name: metrics
              containerPort: ${9100 + (i % 50)}
              protocol: TCP
          env:
            - name: NODE_NAME
              valueFrom:
                fieldRef:
                  fieldPath: spec.nodeName
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              memory: 128Mi
          volumeMounts:
            - name: proc
              mountPath: /host/proc
              readOnly: true
      volumes:
        - name: proc
          hostPath:
            path: /proc
            type: Directory
`;
}

/** 500 DaemonSets of 66 lines (one typo in every 50) separated by `---`: about 33k lines. */
export function manyDocuments(count = 500): string {
  return Array.from({ length: count }, (_, i) => daemonSetText(i, i % 50 === 7, true)).join('---\n');
}
