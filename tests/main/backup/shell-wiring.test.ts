import type { App, Dialog } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { wireAutomaticBackups } from '../../../main/shell/backups';
import { backupDialogs } from '../../../main/shell/dialogs';

vi.mock('electron', () => ({ app: { on: vi.fn(), quit: vi.fn() }, dialog: { showOpenDialog: vi.fn() } }));

describe('the shell wiring of backups', () => {
  it('backs up at start and every hour, and waits for the exit backup before quitting', async () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
    const app = { on: vi.fn((name: string, l: never) => void listeners.set(name, l)), quit: vi.fn() };
    let exitDone: () => void = () => undefined;
    const backup = vi.fn((reason: 'exit' | 'daily') =>
      reason === 'exit' ? new Promise<void>((resolve) => (exitDone = resolve)) : Promise.resolve(),
    );
    const timers: [() => void, number][] = [];
    wireAutomaticBackups(app as unknown as App, backup, vi.fn(), (run, ms) => timers.push([run, ms]));
    expect(backup.mock.calls).toEqual([['daily']]);
    expect(timers.map(([, ms]) => ms)).toEqual([3_600_000]);
    timers[0]?.[0]();
    expect(backup.mock.calls).toEqual([['daily'], ['daily']]);

    const first = { preventDefault: vi.fn() };
    listeners.get('before-quit')?.(first);
    expect(first.preventDefault).toHaveBeenCalledTimes(1);
    expect(backup.mock.calls.at(-1)).toEqual(['exit']);
    expect(app.quit).not.toHaveBeenCalled();
    exitDone();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    // The quit that follows is let through.
    const second = { preventDefault: vi.fn() };
    listeners.get('before-quit')?.(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(backup).toHaveBeenCalledTimes(3);
  });

  it('asks for a folder to back up into and for a .sahakum-backup file', async () => {
    const showOpenDialog = vi
      .fn()
      .mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb'] })
      .mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const dialogs = backupDialogs({ showOpenDialog } as unknown as Dialog, () => null, '/home/k/Documents');
    expect(await dialogs.chooseFolder()).toBe('/media/usb');
    expect(await dialogs.chooseBackupFile()).toBeNull();
    expect(showOpenDialog.mock.calls[0]?.[0]).toMatchObject({
      properties: ['openDirectory', 'createDirectory'],
    });
    expect(showOpenDialog.mock.calls[1]?.[0]).toMatchObject({
      filters: [{ extensions: ['sahakum-backup'] }],
      properties: ['openFile'],
    });
  });
});
