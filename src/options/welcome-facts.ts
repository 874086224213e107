import type { WelcomeFacts } from './Welcome';

/** The manifest's command that calls the selected number (manifest.json `commands`). */
export const CALL_COMMAND = 'call-selection';

/** The slice of the extension API the welcome reads (a fake in tests). */
export interface WelcomeApi {
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  runtime: { getManifest(): { omnibox?: { keyword: string } } };
}

/**
 * The shortcut as the browser has it now (the user may have changed or removed the manifest's
 * suggestion), and the address-bar keyword from the manifest.
 */
export async function readWelcomeFacts(api: WelcomeApi): Promise<WelcomeFacts> {
  const commands = await api.commands.getAll().catch(() => []);
  const shortcut = commands.find((command) => command.name === CALL_COMMAND)?.shortcut ?? '';
  return { shortcut, keyword: api.runtime.getManifest().omnibox?.keyword ?? '' };
}
