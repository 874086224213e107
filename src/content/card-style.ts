/** The call card's styles, inside its shadow root: page CSS cannot reach them. */
export const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  width: min(300px, calc(100vw - 16px));
  padding: 12px 14px; border-radius: 10px;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1b2330; background: #fff; border: 1px solid #d5dae3;
  box-shadow: 0 8px 28px rgba(16, 24, 40, .18);
  display: grid; gap: 8px; text-align: left;
}
.head { display: flex; align-items: baseline; gap: 10px; justify-content: space-between; }
.number { font-weight: 600; font-size: 15px; white-space: nowrap; }
.ext, .place { color: #5a6475; font-size: 13px; }
.place { display: block; margin-top: 2px; }
.close {
  all: unset; cursor: pointer; color: #5a6475; font-size: 18px; line-height: 1;
  padding: 2px 6px; border-radius: 6px;
}
.close:hover { background: #eef1f6; }
/* Focus indicators: 2px #0b57b0 on white is 7:1 (WCAG 1.4.11 asks 3:1). */
.close:focus-visible, .signin:focus-visible, .again:focus-visible {
  outline: 2px solid #0b57b0; outline-offset: 2px;
}
.call {
  all: unset; box-sizing: border-box; cursor: pointer; text-align: center;
  padding: 8px 12px; border-radius: 8px; background: #0b57b0; color: #fff; font-weight: 600;
}
.call:hover { background: #0a4a96; }
.call:focus-visible { outline: 3px solid #0b57b0; outline-offset: 2px; }
.call.again {
  background: transparent; color: #0b57b0; border: 1px solid #0b57b0; padding: 6px 12px;
}
.call[disabled] { background: #8a9ab3; cursor: default; }
.status { margin: 0; font-size: 13px; }
.status.ok { color: #17663a; }
.status.error { color: #a4262c; }
/* Status unknown: amber, neither placed nor failed. */
.status.unknown {
  color: #6b4a00; background: #fff6e0; border-left: 3px solid #b7791f;
  padding: 6px 8px; border-radius: 4px;
}
.detail { display: block; margin-top: 2px; font-size: 12px; opacity: .85; }
.signin {
  all: unset; box-sizing: border-box; cursor: pointer; text-align: center;
  padding: 8px 12px; border-radius: 8px; background: #0b57b0; color: #fff; font-weight: 600;
}
@media (prefers-color-scheme: dark) {
  .card { color: #e6e9ef; background: #1f2530; border-color: #3a4354; }
  .ext, .place, .close { color: #a9b2c3; }
  .close:hover { background: #2c3442; }
  .close:focus-visible, .signin:focus-visible, .again:focus-visible, .call:focus-visible {
    outline-color: #8ab4f8;
  }
  .call, .signin { background: #4b8df8; color: #0b1220; }
  .call.again { background: transparent; color: #8ab4f8; border-color: #8ab4f8; }
  .status.ok { color: #6fd39a; }
  .status.error { color: #ff8a8f; }
  .status.unknown { color: #f3d58c; background: #3a2f12; border-left-color: #d69e2e; }
}
`;
