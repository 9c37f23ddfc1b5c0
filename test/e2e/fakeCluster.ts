// A fake Kubernetes API on loopback for the end-to-end suite (test/helpers/fakeKubeApi.ts): five
// generated nodes behind the kubeconfig context "e2e-live". Run with tsx; prints one JSON line
// {"url", "kubeconfig"} and serves until its stdin closes (the suite ends it).
import { generatedNode, startFakeKubeApi, writeKubeconfig } from '../helpers/fakeKubeApi';

void (async () => {
  const api = await startFakeKubeApi({ nodes: [0, 1, 2, 3, 4].map(generatedNode) });
  const kubeconfig = writeKubeconfig([{ name: 'e2e-live', server: api.url, token: 'good-token' }]);
  process.stdout.write(`${JSON.stringify({ url: api.url, kubeconfig })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
})();
