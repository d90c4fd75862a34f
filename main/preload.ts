import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, channels, IPC_PREFIX, type SahakumBridge } from '../shared/contract';

const known = new Set<string>(channels);

// The page's only way into the main process: one object, one function, contract channels only.
const bridge: SahakumBridge = {
  invoke(channel, payload) {
    if (!known.has(channel))
      return Promise.resolve({ ok: false, error: { code: 'validation', field: 'channel' } });
    return ipcRenderer.invoke(IPC_PREFIX + channel, payload);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
