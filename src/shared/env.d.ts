// Build-time constants, replaced by vite's `define` (see vite.config.ts).
declare const __N2P_API_BASE__: string;
declare const __N2P_CLIENT_ID__: string;

// crxjs: importing a script with `?script&iife` gives the file name of its
// self-contained build, for `scripting.executeScript({files})`.
declare module '*?script&iife' {
  const fileName: string;
  export default fileName;
}
