/**
 * Warm-up after `initialized`: the server analyses a typical DaemonSet a few dozen times while it
 * has nothing else to do, one analysis per turn of the event loop, so that the first file a user
 * opens is parsed and checked by compiled code (V8 optimises a function after many calls) and the
 * embedded cluster is already loaded. A message that arrives meanwhile waits one analysis at most.
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
 * Calls `analyse` `rounds` times, each in its own turn of the event loop; resolves when done.
 * Errors are the caller's (`analyse` runs inside the server's guard).
 */
export async function warmUp(analyse: () => void, rounds = 40): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    analyse();
  }
}
