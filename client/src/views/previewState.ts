/**
 * What the preview webview keeps with `vscode.setState` (client/media/preview.js writes it), which
 * VS Code stores with the window and hands back to the panel serializer after a reload. Pure: no
 * `vscode` import, so the round trip is unit-tested.
 */

/** The webview's saved state. Every field is optional: an older panel may have saved less. */
export interface PreviewPanelState {
  /** The document the panel showed (a URI string), restored after a reload. */
  uri?: string;
  /** Rollout step per DaemonSet key ("namespace/name"); 0 = before the rollout. */
  steps?: Record<string, number>;
  /** The last focus token the webview acted on (see `ToWebview.focus`). */
  appliedFocus?: number;
}

/**
 * Reads a restored state: the document URI and the last focus token, or nothing for either when
 * the value is missing or not what the webview writes (never throws).
 */
export function readPreviewState(state: unknown): { uri: string | undefined; appliedFocus: number } {
  const s = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
  const uri = typeof s.uri === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(s.uri) ? s.uri : undefined;
  const appliedFocus = typeof s.appliedFocus === 'number' && Number.isSafeInteger(s.appliedFocus) && s.appliedFocus > 0 ? s.appliedFocus : 0;
  return { uri, appliedFocus };
}
