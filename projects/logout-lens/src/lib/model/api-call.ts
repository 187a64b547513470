/** One API call as support sees it: never a body, header or query value. */
export interface ApiCall {
  method: string;
  path: string;
  status: number;
  at: number;
  durationMs: number;
  /** Set on the session's own refresh calls, wherever the backend serves them. */
  refresh?: true;
}
