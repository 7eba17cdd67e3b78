// A refused security code where the add-on lists a library (Library tab): the sentence names the security code,
// in AODocs' own wording or a reworded one, not only "not an administrator" (review of the real-tenant work).
import { DEMO_LIBRARY_IDS } from '../../simulator/demo-seed';
import { startAddon } from '../support/addon';

test.each([false, true])(
  'security-code mode, a wrong code (AODocs messages reworded: %s): Load library names the security code',
  async (rewordMessages) => {
    const addon = await startAddon({ simulator: { rewordMessages } });
    try {
      expect(addon.saveSettings({ authMode: 'security-code', securityCode: 'not-a-real-code' })).toMatchObject({
        ok: true,
      });
      let message = '';
      try {
        addon.bundle.callFromClient('loadLibraryPage', {
          filters: { libraryId: DEMO_LIBRARY_IDS.contracts, status: '', type: '', requestor: '' },
          rowsSoFar: 0,
        });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/security code/i);
    } finally {
      await addon.close();
    }
  },
);
