/**
 * Analysis test helpers: one compiled validator per test file, analysis with default settings,
 * and findings reduced to what tests assert (code, severity, the text under the span).
 */
import { analyseText, type FileAnalysis } from '../../server/src/analysis/analyse';
import { practiceCodes, type AnalysisOptions } from '../../server/src/analysis/rules';
import type { Finding } from '../../server/src/analysis/types';
import { createSchemaValidator, type SchemaValidator } from '../../server/src/analysis/validator';
import { defaultSettings } from '../../server/src/protocol';

let validator: SchemaValidator | undefined;

/** The validator, compiled on first use and shared by the tests of one file. */
export function testValidator(): SchemaValidator {
  validator ??= createSchemaValidator();
  return validator;
}

/** Analyses `text` with the default settings, overridden by `options`. */
export function analyse(text: string, options: Partial<AnalysisOptions> = {}): FileAnalysis {
  return analyseText(text, { options: { ...defaultSettings, ...options }, validator: testValidator() });
}

/**
 * `rules` settings that turn the production-practice rules off (`{ rules: practiceOff }`), for
 * tests of other rules on minimal manifests that do not bother with requests or priorities.
 */
export const practiceOff: Record<string, 'off'> = Object.fromEntries(practiceCodes.map((code) => [code, 'off']));

/** A finding as tests compare it: code, severity and the exact text its span covers. */
export interface FindingSummary {
  code: string;
  severity: string;
  text: string;
}

/** The findings of `text` as summaries, in position order. */
export function summarise(text: string, findings: readonly Finding[]): FindingSummary[] {
  return findings.map((finding) => ({ code: finding.code, severity: finding.severity, text: text.slice(finding.span.start, finding.span.end) }));
}

/** Analyses `text` and returns its findings as summaries. */
export function check(text: string, options: Partial<AnalysisOptions> = {}): FindingSummary[] {
  return summarise(text, analyse(text, options).findings);
}

/**
 * A valid apps/v1 DaemonSet (about 35 lines) to build test cases from by string replacement; it
 * also follows the production-practice rules (requests, memory limit, priority class).
 */
export const validDaemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: monitoring
spec:
  selector:
    matchLabels:
      app: agent
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app: agent
    spec:
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      containers:
        - name: agent
          image: example/agent:1.0
          ports:
            - containerPort: 9100
              protocol: TCP
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              memory: 128Mi
      priorityClassName: system-node-critical
`;
