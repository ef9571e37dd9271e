import { describe, expect, it } from 'vitest';
import { parseSetting } from '../../../../src/engine/offline/setting.ts';

describe('where it happened', () => {
  it.each([
    ['2限に保健室に来た', 'nurse_office'],
    ['頭痛を訴えて来室', 'nurse_office'],
    ["came to the nurse's office at lunch", 'nurse_office'],
    ['別室で数学のプリント', 'separate_room'],
    ['Reading in the separate room', 'separate_room'],
    ['家庭訪問。本人は部屋から出てこなかった', 'home_visit'],
    ['Home visit: Ren talked to me through the door', 'home_visit'],
    ['母親から電話があった', 'phone'],
    ['Called his mother at noon', 'phone'],
    ['オンラインで朝の会に参加', 'online'],
    ['joined lessons online', 'online'],
    ['本人と面談', 'counseling'],
    ['Counseling session: Yui describes a tight chest', 'counseling'],
    ['授業中に居眠り', 'classroom'],
    ['fell asleep in class', 'classroom'],
    ['図書室で本を読んでいた', 'other'],
  ])('%s -> %s', (text, setting) => {
    expect(parseSetting(text)).toBe(setting);
  });

  it('the place that says most about the day wins: a home visit over the call that arranged it, the nurse office over the classroom', () => {
    expect(parseSetting('家庭訪問の前に電話した')).toBe('home_visit');
    expect(parseSetting('保健室で休んでから教室に戻った')).toBe('nurse_office');
    expect(parseSetting('別室で担任と面談')).toBe('separate_room');
  });

  it('a phone the student owns or an online game is no setting', () => {
    expect(parseSetting('watches videos on his phone until late')).toBeUndefined();
    expect(parseSetting('夜遅くまでオンラインゲームをしている')).toBeUndefined();
    expect(parseSetting('友達とサッカーをした')).toBeUndefined();
  });
});
