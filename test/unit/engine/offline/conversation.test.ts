import { describe, expect, it } from 'vitest';
import { choiceOf, confirmReplyOf, isSmalltalk } from '../../../../src/engine/offline/conversation.ts';

describe('replies to a draft', () => {
  it.each(['保存', '保存して', 'はい', 'OK', 'ok!', 'yes', 'Save', 'save it', '登録', 'お願いします', '👍'])('%s saves', (text) => {
    expect(confirmReplyOf(text)).toEqual({ decision: 'save' });
  });
  it.each(['取消', '取り消し', 'キャンセル', 'やめ', 'やめる', 'いいえ', 'no', 'cancel', 'discard', "don't save", 'never mind'])('%s cancels', (text) => {
    expect(confirmReplyOf(text)).toEqual({ decision: 'cancel' });
  });
  it('edit, with the new text when given', () => {
    expect(confirmReplyOf('修正：今朝は2限から登校')).toEqual({ decision: 'edit', edit: '今朝は2限から登校' });
    expect(confirmReplyOf('編集 今朝は2限から登校')).toEqual({ decision: 'edit', edit: '今朝は2限から登校' });
    expect(confirmReplyOf('edit: came in at period 2')).toEqual({ decision: 'edit', edit: 'came in at period 2' });
    expect(confirmReplyOf('修正')).toEqual({ decision: 'edit' });
    expect(confirmReplyOf('Edit')).toEqual({ decision: 'edit' });
  });
  it('anything else is no reply to the draft', () => {
    expect(confirmReplyOf('鈴木さんの様子は？')).toBeUndefined();
    expect(confirmReplyOf('保存した記録を見せて')).toBeUndefined();
  });
});

describe('choosing among candidates', () => {
  it.each([
    ['1', '1'],
    ['#2', '2'],
    ['２', '2'],
    ['2番', '2'],
    ['2番目', '2'],
    ['2つ目', '2'],
    ['no. 2', '2'],
    ['the second one', '2'],
    ['二番目', '2'],
    ['S011', 'S011'],
  ])('%s -> %s', (text, choice) => {
    expect(choiceOf(text.normalize('NFKC'))).toBe(choice);
  });
  it('a sentence is no choice', () => {
    expect(choiceOf('鈴木さん')).toBeUndefined();
    expect(choiceOf('2限から登校')).toBeUndefined();
  });
});

describe('smalltalk is the whole message', () => {
  it.each(['ありがとう！', 'ありがとうございます', 'お疲れ様です', 'おはようございます！', '助かります、ありがとう', 'thanks', 'Thank you so much!', 'hi', 'Good morning Yorisoi', 'ok thanks', 'お疲れさまでした〜'])(
    '%s',
    (text) => {
      expect(isSmalltalk(text)).toBe(true);
    },
  );
  it.each(['ありがとう、鈴木さんの様子は？', 'thanks, how is Yui?', 'this is great', 'hiroshi', 'Hello, show me notes on Ren'])('not %s', (text) => {
    expect(isSmalltalk(text)).toBe(false);
  });
});
