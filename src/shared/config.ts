/** Build-time configuration: one place for the API base and the default Client ID. */
export const config = {
  /** e.g. `https://integrate.versature.com` (no trailing slash). Set with N2P_API_BASE. */
  apiBase: __N2P_API_BASE__.replace(/\/+$/, ''),
  /** Prefilled in the sign-in form when the build sets N2P_CLIENT_ID; otherwise the user types it. */
  clientId: __N2P_CLIENT_ID__,
  /**
   * API version sent on every call. net2phone's click-to-call help page uses 1.8.0
   * (reference/integrate-api.md §1, §11.6); kept as one constant.
   */
  accept: 'application/vnd.integrate.v1.8.0+json',
} as const;
