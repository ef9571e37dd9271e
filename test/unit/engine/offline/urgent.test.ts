// The safeguarding screen (src/analysis/safeguarding.ts) as the offline engine uses it: urgent in
// any wording, in both languages, and not on everyday idioms that only sound alarming.
import { describe, expect, it } from 'vitest';
import { mentionsSafeguardingConcern } from '../../../../src/analysis/safeguarding.ts';
import { structureObservation } from '../../../../src/engine/offline/structure-observation.ts';

const now = new Date('2026-11-20T17:00:00+09:00');

describe('urgent in any wording', () => {
  it.each([
    // Suicide, wanting to die or disappear.
    'ノートに「死にたい」と書いていた',
    '「もう消えてしまいたい」と話していた',
    '消えたいと呟いた',
    'いなくなりたいって言ってた',
    '生きている意味がわからないと書いていた',
    '「死んだほうが楽かも」と言った',
    '自殺について調べていたらしい',
    '飛び降りたいと言った',
    // Self-harm.
    'リスカしていると友達から相談があった',
    'リストカットの跡を見せてきた',
    '手首に傷があった',
    '腕に切り傷が複数あった',
    '太ももに線状の傷がある',
    '手首にリストバンド。外させたら切った跡があった',
    '自分を傷つけたくなると話した',
    '薬をたくさん飲んだことがあるらしい',
    // Abuse, violence, neglect.
    '父親に殴られたと言っている',
    'お母さんに叩かれることがあるらしい',
    '部活で先輩に蹴られたらしい',
    '腕にあざがあった',
    '虐待の疑いがある',
    '家でご飯を食べさせてもらえないことがある',
    '家に帰りたくないと泣いていた',
    '家に帰るのが怖いと言っている',
    '親に手を上げられたと話した',
    // English.
    'She said she wants to die.',
    'Airi told me she sometimes wants to kill herself.',
    'Aoi said she just wants to disappear.',
    "Yui said she doesn't want to be alive anymore",
    "he says he doesn't see the point of living",
    "wrote 'I wish I was never born' in her diary",
    'Misaki has been hurting herself, her friend told me',
    'Sakura has cuts on her wrist',
    'She has been cutting herself',
    'Ren says his father hits him',
    'his older brother punches him when their parents are out',
    'his stepdad kicked him last night',
    'Noticed bruises on her back',
    'was hit by her mother',
    "Minato isn't being fed properly at home",
    "there's no food at home",
    'She is afraid to go home',
    'signs of neglect',
    'Airi said nobody would care if she was gone.',
    '家で食事が出ないことが多いらしい',
    '自分なんかいないほうがいいと言った',
    'Noticed burn marks on his arm',
  ])('%s', (text) => {
    expect(mentionsSafeguardingConcern(text)).toBe(true);
    const draft = structureObservation(text, now);
    expect(draft.concern).toBe('urgent');
    expect(draft.categories).toContain('safeguarding');
  });
});

describe('not urgent: everyday words that only sound alarming', () => {
  it.each([
    // 「死ぬほど楽しかった」 is "so much fun": an intensifier, not a wish to die.
    '文化祭の準備が死ぬほど楽しかったと言っていた',
    '死ぬかと思うくらい走ったと笑っていた',
    '必死に練習していた',
    '肩を叩かれて振り向いた',
    '手を叩いて喜んでいた',
    '手をあげて発言できた',
    '体育でボールが当たって保健室へ',
    'あざやかな色で絵を描いた',
    '友達に助けられたと話した',
    '授業中に居眠り',
    'Yui was dying to tell me about her trip',
    'Ren is bored to death in maths',
    'The homework disappeared from his bag',
    'She raised her hand in class',
    'played a violent video game at home',
    'felt hurt by what a classmate said',
    'Minato finally ate lunch with friends',
  ])('%s', (text) => {
    expect(mentionsSafeguardingConcern(text)).toBe(false);
    expect(structureObservation(text, now).concern).toBe('none');
  });

  it('an idiom does not hide a real concern in the same note', () => {
    expect(mentionsSafeguardingConcern('死ぬほど疲れた、もう死にたいと言った')).toBe(true);
  });
});
