// How the student seemed. One mood per note: when several are described, the one that most needs
// someone's attention wins (distressed before angry, anxious, withdrawn, low, tired, then the
// good ones), so a note is never filed as "positive" while it speaks of tears.
import type { Mood } from '../intent.ts';
import { anyOf } from './text.ts';

const NOT = String.raw`(?<!(?:\bnot|\bnever|n't|\bno longer|\bhardly|\bbarely)\s+(?:\w+\s+)?)`;

export const MOOD_VOCABULARY: readonly [Mood, RegExp][] = [
  ['distressed', anyOf(['泣', '涙', 'パニック', '取り乱', '過呼吸', '震えて', '動揺', '\\bcr(?:y|ied|ies|ying)\\b', '\\bsobb', '\\bin tears\\b', '\\bpanick', '\\bdistress', '\\bhysterical\\b', '\\bshaking\\b', '\\bbroke down\\b'])],
  ['angry', anyOf(['怒', 'イライラ', 'いらいら', '苛立', 'キレ', '腹を立て', 'ムッと', '反抗', '暴言', '\\bangry\\b', '\\bfurious\\b', '\\birritat', '\\bfrustrat', '\\bannoyed\\b', '\\blost (?:his|her|their) temper\\b', '\\bshouted\\b', '\\bsnapped\\b'])],
  ['anxious', anyOf(['不安', '心配', '緊張', '怖', 'こわ(?:い|かっ|が)', '恐(?:い|怖|れ|がっ)', 'おびえ', '怯え', 'びくびく', 'ドキドキ', 'どきどき', '落ち着かな', 'そわそわ', '(?:周り|まわり|皆|みんな)の目', '見られている気', '\\banxi(?:ous|ety)\\b', '\\bnervous\\b', '\\bworr(?:y|ied|ies|ying)\\b', '\\bscared\\b', '\\bafraid\\b', '\\btense\\b', '\\bon edge\\b', '\\buneasy\\b', '\\bfeels? eyes on\\b', '苦しくな', '\\bfear', '\\bthe worse it gets\\b'])],
  ['withdrawn', anyOf(['黙り込', '無口', '目を合わせ', '部屋から出て(?:こ|き)(?:な|ませ)', '話さな(?:い|かっ)', '口数が少な', '閉じこも', '引きこも', '反応が(?:薄|な)', '一言も', '\\bwithdrawn\\b', '\\bsilent\\b', '\\bquiet\\b', "\\b(?:wouldn't|would not|didn't|did not|won't) (?:talk|speak|say|meet|come out|look)\\b", '\\bkept to (?:him|her|them)self\\b', '\\bshut (?:him|her|them)self\\b', '\\bsays little\\b'])],
  ['low', anyOf(['元気が(?:な|無)', '元気なく', '落ち込', '沈んで', '表情が(?:暗|さえな|曇|硬)', '暗い(?:表情|顔)', '悲し', '寂し', 'さみし', '無気力', 'つらそう', '辛そう', 'しょんぼり', 'ため息', 'ふさぎ', '塞ぎ', '(?:気|元気|気持ち)が(?:沈|重)', 'やる気が(?:な|出)', '\\blow\\b', '\\bdown\\b(?! (?:the|to|on|at))', '\\bsad\\b', '\\bflat\\b', '\\bgloomy\\b', '\\bdepress', '\\bhopeless', '\\bunmotivated\\b', '\\blistless\\b', '\\bdejected\\b'])],
  ['tired', anyOf(['眠そう', '眠い', '眠たそう', '疲れ', 'だるそう', 'だるい', 'ぐったり', 'あくび', '居眠り', '寝不足', 'うとうと', '\\btired\\b', '\\bsleepy\\b', '\\bexhausted\\b', '\\bdrowsy\\b', '\\bfell asleep\\b', '\\byawn', '\\bworn out\\b', '\\bfatigue', '眠れ(?:てい)?ない', '眠れていない', '\\bnot sleeping\\b', '\\bsleeps? (?:poorly|badly)\\b', '\\bup until\\b', '夜中まで', '夜更かし'])],
  ['positive', anyOf(['明る(?:い|く|か|め)', '笑顔', '笑っ', 'にこにこ', 'ニコニコ', '楽し(?:そう|かった|んで|い(?!と思え)|め)', '嬉し', 'うれし', '喜ん', '元気(?!が(?:な|無)|なく|のな)(?:に|よく|そう|で|な)', '生き生き', 'いきいき', '機嫌が(?:良|よ|いい)', '張り切', '前向き', `${NOT}\\bhapp(?:y|ily)\\b`, `${NOT}\\bcheerful\\b`, `${NOT}\\bsmil(?:e|ed|es|ing)\\b`, `${NOT}\\bbright\\b`, `${NOT}\\bupbeat\\b`, `${NOT}\\bgood (?:mood|spirits)\\b`, `${NOT}\\benjoy(?:ed|ing)\\b`, `${NOT}\\blaugh(?:ed|ing)\\b`, `${NOT}\\bexcited\\b`, `${NOT}\\brelieved\\b`])],
  ['calm', anyOf(['落ち着いて', '落ち着いた', '穏やか', '安定して', 'リラックス', '安心', '淡々', `${NOT}\\bcalm(?:ly|er)?\\b`, `${NOT}\\bsettled\\b`, `${NOT}\\brelaxed\\b`, `${NOT}\\bsteady\\b`, `${NOT}\\bcomposed\\b`])],
];

/** The mood the note describes, or undefined when it describes none. */
export function parseMood(text: string): Mood | undefined {
  for (const [mood, pattern] of MOOD_VOCABULARY) if (pattern.test(text)) return mood;
  return undefined;
}
