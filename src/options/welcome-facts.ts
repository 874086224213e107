import type { WelcomeFacts } from './Welcome';

/** The manifest's command that calls the selected number (manifest.json `commands`). */
export const CALL_COMMAND = 'call-selection';

/** The slice of the extension API the welcome reads (a fake in tests). */
export interface WelcomeApi {
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  runtime: {
    getManifest(): {
      omnibox?: { keyword: string };
      commands?: Record<string, { suggested_key?: { default?: string } }>;
    };
  };
}

/**
 * The shortcut as the browser has it now (the user may have changed or removed it, and a browser
 * leaves it unset when another extension has it), the manifest's suggestion, and the address-bar
 * keyword from the manifest.
 */
export async function readWelcomeFacts(api: WelcomeApi): Promise<WelcomeFacts> {
  const manifest = api.runtime.getManifest();
  const commands = await api.commands.getAll().catch(() => []);
  return {
    shortcut: commands.find((command) => command.name === CALL_COMMAND)?.shortcut ?? '',
    suggested: manifest.commands?.[CALL_COMMAND]?.suggested_key?.default ?? '',
    keyword: manifest.omnibox?.keyword ?? '',
  };
}
