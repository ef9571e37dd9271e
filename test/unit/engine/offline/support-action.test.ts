import { describe, expect, it } from 'vitest';
import { parseSupportAction } from '../../../../src/engine/offline/support-action.ts';

// Friday 2026-11-20.
const now = new Date('2026-11-20T17:00:00+09:00');
const parse = (text: string) => parseSupportAction(text, now);

describe('starting, continuing and ending a support measure', () => {
  it.each([
    ['鈴木さんの月曜朝のチェックインを今日から始めました', 'start', '月曜朝のチェックイン', '2026-11-20'],
    ['高橋くんの週1回の家庭訪問を今日から開始しました', 'start', '週1回の家庭訪問', '2026-11-20'],
    ['伊藤くんの遅刻対策として、毎朝の電話連絡を開始', 'start', '毎朝の電話連絡', '2026-11-20'],
    ['芽依さんのSSWとの面談を来週から月2回で始めます', 'start', 'SSWとの面談', '2026-11-23'],
    ['12/1から鈴木さんの放課後学習を始めます', 'start', '放課後学習', '2026-12-01'],
    ['鈴木さんに朝のチェックインを試してみます', 'start', '朝のチェックイン', '2026-11-20'],
    ['中村さんの別室登校支援、継続しています', 'update', '別室登校支援', '2026-11-20'],
    ['山本くんのテスト別室受験の配慮、継続します', 'update', 'テスト別室受験の配慮', '2026-11-20'],
    ['佐藤陽翔くんの放課後の学習会を終了しました', 'end', '放課後の学習会', '2026-11-20'],
    ['昨日で高橋くんの家庭訪問をやめました', 'end', '家庭訪問', '2026-11-19'],
    ['Started weekly home visits for Ren Takahashi today.', 'start', 'weekly home visits', '2026-11-20'],
    ['We set up a reward chart with Yui on Monday', 'start', 'a reward chart', '2026-11-16'],
    ["Started Aoi on lunch in the classroom twice a week.", 'start', 'lunch in the classroom twice a week', '2026-11-20'],
    ['We are continuing the weekly counseling sessions with Mei; she seems calmer.', 'update', 'the weekly counseling sessions', '2026-11-20'],
    ["Misaki's counseling is now every other week instead of weekly.", 'update', 'counseling every other week instead of weekly', '2026-11-20'],
    ['The daily check-in with Mei is continuing and going well.', 'update', 'The daily check-in', '2026-11-20'],
    ["Stopped the daily phone calls to Minato's mother - no change in attendance.", 'end', 'the daily phone calls', '2026-11-20'],
    ["We'll try breathing exercises with Yui from Monday", 'start', 'breathing exercises', '2026-11-23'],
    ['鈴木さんの放課後学習を水曜から始めます', 'start', '放課後学習', '2026-11-25'],
  ])('%s -> %s %s on %s', (text, action, description, actedOn) => {
    expect(parse(text)).toMatchObject({ action, description, actedOn });
  });

  it('the outcome, when the message says how it went', () => {
    expect(parse('伊藤くんのモーニングコールは効果がなかったのでやめました')).toMatchObject({ action: 'end', description: 'モーニングコール', outcome: '効果がなかった' });
    expect(parse('鈴木さんの朝の短時間登校は継続中。少しずつ登校時間が伸びている')).toMatchObject({ action: 'update', outcome: '少しずつ登校時間が伸びている' });
    expect(parse('加藤芽依さんの別室登校の支援を終了しました。教室に戻れるようになった。')).toMatchObject({ action: 'end', outcome: '教室に戻れるようになった' });
    expect(parse("Stopped the daily phone calls to Minato's mother - no change in attendance.")).toMatchObject({ outcome: 'no change in attendance' });
    expect(parse('We stopped the reduced timetable. No change in attendance.')).toMatchObject({ outcome: 'No change in attendance' });
    expect(parse('Started weekly home visits for Ren Takahashi today.')?.outcome).toBeUndefined();
  });

  it("what the student did is no measure: 「鈴木さんが部活をやめた」, 「泣き始めた」, started crying, started joining lessons", () => {
    expect(parse('鈴木さんが部活をやめた')).toBeUndefined();
    expect(parse('鈴木さんは授業中に泣き始めた')).toBeUndefined();
    expect(parse('田中さんが保健室登校を始めた')).toBeUndefined();
    expect(parse('Yui started crying in class')).toBeUndefined();
    expect(parse('Started joining lessons online. Camera off.')).toBeUndefined();
    expect(parse("Finished her art piece in the separate room.")).toBeUndefined();
    expect(parse('今日は1限から登校した')).toBeUndefined();
    expect(parse('Moved to the separate room after 2nd period.')).toBeUndefined();
    expect(parse('Try breathing exercises with Yui')).toBeUndefined();
  });
});
