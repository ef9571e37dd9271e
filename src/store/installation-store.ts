// Where the bot's credentials for each chat workspace are kept. Removing an installation deletes
// its tokens only; the school's records are never touched by an uninstall.
import type { Installation, InstallationStore, Platform } from '../chat/types.ts';
import type { Db } from './database.ts';

export function createInstallationStore(db: Db): InstallationStore {
  return {
    async save({ platform, workspaceId, botToken, botUserId, botId }) {
      const data = { botToken, botUserId, botId: botId ?? null };
      await db.chatInstallation.upsert({
        where: { platform_workspaceId: { platform, workspaceId } },
        create: { platform, workspaceId, ...data },
        update: data,
      });
    },
    async find(platform, workspaceId) {
      const row = await db.chatInstallation.findUnique({ where: { platform_workspaceId: { platform, workspaceId } } });
      if (!row) return undefined;
      const installation: Installation = { platform: row.platform as Platform, workspaceId: row.workspaceId, botToken: row.botToken, botUserId: row.botUserId };
      return row.botId ? { ...installation, botId: row.botId } : installation;
    },
    async remove(platform, workspaceId) {
      await db.chatInstallation.deleteMany({ where: { platform, workspaceId } });
    },
  };
}
