// Build-time constants, replaced by vite's `define` (see vite.config.ts).
declare const __N2P_API_BASE__: string;
declare const __N2P_CLIENT_ID__: string;
