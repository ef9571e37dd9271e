// One contract, every adapter: the same conversations through Slack, Discord and the terminal,
// each over its own wire format, with the real engine on the sample school. They must behave
// alike: the same answers, privately, the same buttons, the same writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src/engine/handle-turn.ts';
import { serviceContext } from '../../../../src/services/context.ts';
import { importSchool } from '../../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../../helpers/sample-school.ts';
import type { ContractDriver, SampleStaffIds } from './driver.ts';
import { shellDriver, shellStaff } from './shell-driver.ts';
import { discordDriver, discordStaff } from '../discord/contract-driver.ts';
import { slackDriver, slackStaff } from '../slack/contract-driver.ts';

const drivers: [ContractDriver, SampleStaffIds][] = [
  [shellDriver(() => SAMPLE_NOW), shellStaff],
  [discordDriver(() => SAMPLE_NOW), discordStaff],
  [slackDriver(), slackStaff],
];

for (const [driver, staff] of drivers) {
  describe(`adapter contract: ${driver.name}`, () => {
    let database: TestDatabase;
    const chatNotes = () => database.db.observation.findMany({ where: { studentId: 'S002', source: 'chat' } });

    beforeAll(async () => {
      database = await createTestDatabase();
      await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
      await driver.start(createEngine(serviceContext(database, () => SAMPLE_NOW)));
    });
    afterAll(async () => {
      await driver.stop();
      await database.destroy();
    });

    it("answers a question about a student in the asker's class, privately, with the school's figures", async () => {
      const [reply, ...more] = await driver.say(staff.T01, '鈴木結衣さんの様子は？');
      expect(more).toEqual([]);
      expect(reply!.private).toBe(true);
      expect(reply!.text).toContain('鈴木 結衣');
      expect(reply!.text).toContain('欠席 10日');
    });

    it('answers in English when asked in English', async () => {
      const [reply] = await driver.say(staff.T01, 'How is Yui Suzuki doing?');
      expect(reply!.text).toContain('Yui Suzuki');
      expect(reply!.text).toMatch(/absent/i);
    });

    it('refuses a student outside the asker’s scope without a word of their records', async () => {
      const replies = await driver.say(staff.T04, '鈴木結衣さんの様子は？');
      for (const reply of replies) expect(reply.text).not.toMatch(/欠席|S002|2-1/);
      expect(replies[0]!.text).toContain('お答えできません');
    });

    it('log, Save, saved, Undo: one note written, then taken back', async () => {
      const before = (await chatNotes()).length;
      const [draft] = await driver.say(staff.T01, '記録：鈴木さん、今朝は1限から登校。表情は明るかった。');
      expect(draft!.text).toContain('記録の下書き');
      expect(draft!.buttons).toEqual(['保存', '修正', '取消']);
      expect(await chatNotes()).toHaveLength(before);

      const [saved] = await driver.press(staff.T01, draft!, '保存');
      expect(saved!.text).toContain('保存しました');
      expect(saved!.buttons).toEqual(['元に戻す']);
      expect(await chatNotes()).toHaveLength(before + 1);

      const [undone] = await driver.press(staff.T01, saved!, '元に戻す');
      expect(undone!.text).toContain('取り消しました');
      expect(await chatNotes()).toHaveLength(before);
    });

    it('someone the school has not registered is told how to get registered', async () => {
      const [reply] = await driver.say(staff.unknown, '鈴木結衣さんの様子は？');
      expect(reply!.text).toContain('登録');
      expect(reply!.text).not.toContain('欠席');
    });
  });
}
